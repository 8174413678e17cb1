package io.logcentral.alert;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of windows, cooldowns and retries, a bean so tests can move time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
