import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs through SLF4J and Logback; logback-gelf posts each one to logcentral. Usage (the classpath from this pom):
 * java -Dlogback.configurationFile=logback.xml -cp "$(cat cp.txt)" GelfSend.java http://localhost:8080 TOKEN my-app
 */
public class GelfSend {
    public static void main(String[] args) {
        System.setProperty("logcentral.url", args[0]);
        System.setProperty("logcentral.token", args[1]);
        System.setProperty("logcentral.service", args[2]);
        Logger log = LoggerFactory.getLogger("billing.invoices");

        MDC.put("invoice_id", "i-7");
        log.error("invoice total failed", new ArithmeticException("/ by zero"));
        MDC.clear();
        log.atWarn().addKeyValue("invoice_count", 1200).log("invoice run slow");

        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        System.out.println("sent");
    }
}
