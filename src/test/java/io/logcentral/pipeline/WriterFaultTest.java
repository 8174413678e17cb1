package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.Api;
import io.logcentral.OwnServerTest;
import io.logcentral.TestTokens;
import io.logcentral.storage.LogWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Faults injected into the writer: an {@code Error} inside a commit, and one from a listener after it. */
@OwnServerTest
class WriterFaultTest {

    static final AtomicBoolean FAIL_NEXT_COMMIT = new AtomicBoolean();
    static final AtomicBoolean FAIL_NEXT_LISTENER = new AtomicBoolean();

    @TestConfiguration
    static class Faults {

        /** Wraps the real writer: the next insert, when armed, throws as a commit that ran out of heap would. */
        @Bean
        static BeanPostProcessor failingWriter() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof LogWriter)) {
                        return bean;
                    }
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.setProxyTargetClass(true);
                    proxy.addAdvice((MethodInterceptor) call -> {
                        if (call.getMethod().getName().equals("insert") && FAIL_NEXT_COMMIT.getAndSet(false)) {
                            throw new OutOfMemoryError("injected: Java heap space");
                        }
                        return call.proceed();
                    });
                    return proxy.getProxy();
                }
            };
        }

        @EventListener
        void committed(LogsCommitted committed) {
            if (FAIL_NEXT_LISTENER.getAndSet(false)) {
                throw new StackOverflowError("injected in a listener");
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WritePipeline pipeline;

    private Api.Reply send(Api api, String message) {
        return api.post("/logs", "{\"service\":\"faults\",\"message\":\"" + message + "\"}")
                .token(TestTokens.ADMIN)
                .json()
                .send();
    }

    private void assertWriterRuns() {
        assertThat(pipeline.health().status().alive()).isTrue();
        assertThat(pipeline.health().status().stuck()).isFalse();
    }

    @Test
    void anErrorInsideACommitFailsThatBatchOnlyAndIngestRecovers() {
        Api api = new Api(port);
        FAIL_NEXT_COMMIT.set(true);

        Api.Reply failed = send(api, "lost-in-oom");
        Api.Reply after = send(api, "after-oom");

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Retry-After")).isNotNull();
        assertThat(after.status()).isEqualTo(201);
        assertThat(api.get("/logs?service=faults&q=lost")
                        .token(TestTokens.ADMIN)
                        .send()
                        .json())
                .isEmpty();
        assertWriterRuns();
        assertThat(api.get("/health").send().status()).isEqualTo(200);
    }

    @Test
    void anErrorInAListenerAfterTheCommitLeavesTheWriterRunning() {
        Api api = new Api(port);
        FAIL_NEXT_LISTENER.set(true);

        Api.Reply first = send(api, "before-listener-error");
        Api.Reply second = send(api, "after-listener-error");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(FAIL_NEXT_LISTENER).isFalse();
        assertWriterRuns();
    }
}
