package io.logcentral.alert;

import io.logcentral.LogServerTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The real server with a clock the test moves, and short channel timeouts. Every CRITICAL of every test reaches every
 * channel through the default rule, so tests pick their messages out by a service name of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LogServerTest
@Import(MutableClock.Config.class)
@TestPropertySource(
        properties = {
            "logcentral.alerts.connect-timeout=1s",
            "logcentral.alerts.send-timeout=2s",
            "logcentral.alerts.base-url=http://logs.example.com/"
        })
@interface AlertServerTest {}
