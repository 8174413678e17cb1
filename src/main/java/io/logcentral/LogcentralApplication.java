package io.logcentral;

import io.logcentral.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LogcentralApplication {

    /** {@code send} and {@code import} are clients of a server: they run without starting one, or Spring. */
    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            Cli.main(args);
            return;
        }
        SpringApplication.run(LogcentralApplication.class, args);
    }
}
