import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs through SLF4J and Logback; loki4j pushes them to logcentral. Usage (the classpath from this pom):
 * java -Dlogback.configurationFile=logback.xml -cp "$(cat cp.txt)" LokiSend.java http://localhost:8080 TOKEN my-app
 */
public class LokiSend {
    public static void main(String[] args) {
        System.setProperty("logcentral.url", args[0]);
        System.setProperty("logcentral.token", args[1]);
        System.setProperty("logcentral.service", args[2]);
        Logger log = LoggerFactory.getLogger("checkout.payments");

        MDC.put("order_id", "o-42");
        log.error("payment declined for order o-42");
        MDC.clear();
        log.atWarn().addKeyValue("attempt", 2).log("retrying payment");

        // Stopping Logback drains what loki4j still holds, as an application's shutdown does.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        System.out.println("sent");
    }
}
