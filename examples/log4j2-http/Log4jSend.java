import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * Logs through Log4j 2; its Http appender posts each one to logcentral. Usage (the classpath from this pom, and this
 * directory for log4j2.xml and the template): java -cp "$(cat cp.txt):." Log4jSend.java http://localhost:8080 TOKEN app
 */
public class Log4jSend {
    public static void main(String[] args) {
        System.setProperty("logcentral.url", args[0]);
        System.setProperty("logcentral.token", args[1]);
        System.setProperty("logcentral.service", args[2]);
        Logger log = LogManager.getLogger("shipping.labels");

        ThreadContext.put("parcel_id", "p-9");
        log.error("label printer offline", new IllegalStateException("printer 3 not answering"));
        ThreadContext.clearAll();
        log.warn("label queue at {} items", 250);

        LogManager.shutdown();
        System.out.println("sent");
    }
}
