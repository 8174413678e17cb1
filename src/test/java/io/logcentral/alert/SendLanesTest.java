package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendLanesTest {

    private final SendLanes lanes = new SendLanes();

    @AfterEach
    void stop() {
        lanes.stop();
    }

    @Test
    void hungChannelHoldsAtMostLimitInMemoryAndDelaysNoOtherChannel() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<Long> ran = ConcurrentHashMap.newKeySet();
        CountDownLatch hung = new CountDownLatch(1);
        lanes.submit(0, "dead", 0, () -> {
            hung.countDown();
            await(release);
        });
        assertThat(hung.await(5, TimeUnit.SECONDS)).isTrue();
        for (long id = 1; id <= SendLanes.LIMIT + 10; id++) {
            long mine = id;
            lanes.submit(id, "dead", 0, () -> ran.add(mine));
        }
        CountDownLatch other = new CountDownLatch(1);
        lanes.submit(-1, "live", 0, other::countDown);

        assertThat(other.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ran.size() < SendLanes.LIMIT && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(ran).hasSize(SendLanes.LIMIT).doesNotContain(SendLanes.LIMIT + 1L);
    }

    @Test
    void notificationWaitingAlreadyIsNotQueuedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<String> ran = ConcurrentHashMap.newKeySet();
        lanes.submit(0, "c", 0, () -> await(release));
        lanes.submit(7, "c", 0, () -> ran.add("first"));
        lanes.submit(7, "c", 0, () -> ran.add("second"));
        CountDownLatch done = new CountDownLatch(1);
        lanes.submit(8, "c", 0, done::countDown);

        release.countDown();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
