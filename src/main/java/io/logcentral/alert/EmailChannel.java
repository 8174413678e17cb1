package io.logcentral.alert;

import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP: the channel's own server when it names a {@code host}, else the server's {@code spring.mail.*}.
 */
@Component
class EmailChannel {

    private final ObjectProvider<JavaMailSender> configured;
    private final AlertProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> configured, AlertProperties properties) {
        this.configured = configured;
        this.properties = properties;
    }

    void send(Map<String, String> settings, AlertMessage message) throws ChannelFailure {
        JavaMailSender mail = settings.containsKey("host") ? own(settings) : configured.getIfAvailable();
        if (mail == null) {
            throw new ChannelFailure("no SMTP host: set host on the channel or spring.mail.host");
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setTo(settings.get("to").split("\\s*,\\s*"));
        email.setFrom(settings.getOrDefault("from", "logcentral@localhost"));
        email.setSubject(message.subject());
        email.setText(message.text());
        try {
            mail.send(email);
        } catch (MailException e) {
            throw new ChannelFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private JavaMailSender own(Map<String, String> settings) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(settings.get("host"));
        mail.setPort(Integer.parseInt(settings.getOrDefault("port", "25")));
        mail.setUsername(settings.get("username"));
        mail.setPassword(settings.get("password"));
        Properties smtp = mail.getJavaMailProperties();
        String connect = String.valueOf(properties.connectTimeout().toMillis());
        String read = String.valueOf(properties.sendTimeout().toMillis());
        smtp.setProperty("mail.smtp.connectiontimeout", connect);
        smtp.setProperty("mail.smtp.timeout", read);
        smtp.setProperty("mail.smtp.writetimeout", read);
        smtp.setProperty("mail.smtp.auth", String.valueOf(settings.containsKey("username")));
        smtp.setProperty("mail.smtp.starttls.enable", settings.getOrDefault("starttls", "false"));
        return mail;
    }
}
