package io.logcentral.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListenerLoopTest {

    @Test
    void anErrorThrownByAStepIsCountedAndTheLoopGoesOn() throws Exception {
        AtomicInteger turns = new AtomicInteger();
        CountDownLatch afterTheErrors = new CountDownLatch(3);
        ListenerLoop loop = new ListenerLoop("test", () -> {
            int turn = turns.incrementAndGet();
            if (turn == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (turn == 2) {
                throw new IllegalStateException("bad frame");
            }
            afterTheErrors.countDown();
            Thread.sleep(5);
        });
        loop.start();
        try {
            assertThat(afterTheErrors.await(5, TimeUnit.SECONDS)).isTrue();
            Map<String, Object> health = loop.health();
            assertThat(health.get("alive")).isEqualTo(true);
            assertThat(health.get("failures")).isEqualTo(2L);
            assertThat((String) health.get("last_error")).contains("IllegalStateException", "bad frame");
            assertThat(health.get("last_error_at")).isNotNull();
        } finally {
            loop.stop();
            loop.join(2000);
        }
        assertThat(loop.isAlive()).isFalse();
    }

    @Test
    void anInterruptEndsTheLoop() throws Exception {
        ListenerLoop loop = new ListenerLoop("test", () -> Thread.sleep(60_000));
        loop.start();
        loop.interrupt();
        loop.join(2000);
        assertThat(loop.isAlive()).isFalse();
        assertThat(loop.health().get("failures")).isEqualTo(0L);
    }
}
