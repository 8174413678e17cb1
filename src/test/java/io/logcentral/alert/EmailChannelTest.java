package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.logcentral.Api;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@AlertServerTest
class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort
    int port;

    @Test
    void criticalReachesEmailOverSmtp() throws Exception {
        Alerts alerts = new Alerts(new Api(port));
        alerts.createChannel(Map.of(
                "name",
                "mail-ops",
                "type",
                "email",
                "to",
                "ops@example.com",
                "from",
                "alerts@example.com",
                "host",
                "127.0.0.1",
                "port",
                smtp.getSmtp().getPort()));
        alerts.rule(Map.of("name", "mail-rule", "services", List.of("mail-svc"), "channels", List.of("mail-ops")));

        alerts.post("mail-svc", "CRITICAL", "queue consumer died");

        // The default rule sends every CRITICAL to every channel too: two mails.
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> subject(m).endsWith("mail-rule"))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@example.com");
        assertThat(mail.getSubject()).isEqualTo("[CRITICAL] mail-svc: mail-rule");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("[CRITICAL] mail-svc: queue consumer died")
                .contains("http://logs.example.com/logs/");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
