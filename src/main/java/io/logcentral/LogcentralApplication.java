package io.logcentral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LogcentralApplication {

    public static void main(String[] args) {
        SpringApplication.run(LogcentralApplication.class, args);
    }
}
