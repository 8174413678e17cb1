package io.logcentral.alert;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One thread per channel, so a channel that hangs until its timeout delays only its own notifications. Each lane
 * holds at most {@link #LIMIT} waiting notifications in memory: past that (a dead channel with a busy rule) the rest
 * stay pending in the store, where the outbox's periodic sweep finds them again, so memory stays bounded.
 */
final class SendLanes {

    static final int LIMIT = 1000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("alert-retry"));
    private final ConcurrentHashMap<String, ThreadPoolExecutor> lanes = new ConcurrentHashMap<>();
    /** Notifications waiting for their lane or their time: never queued twice. */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    /** Runs {@code task} on the channel's lane after {@code delayMillis}, unless it waits already or the lane is full. */
    void submit(long id, String channel, long delayMillis, Runnable task) {
        if (!waiting.add(id)) {
            return;
        }
        if (delayMillis <= 0) {
            toLane(id, channel, task);
        } else {
            timer.schedule(() -> toLane(id, channel, task), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs {@code task} every {@code seconds} on the timer thread. */
    void every(long seconds, Runnable task) {
        timer.scheduleWithFixedDelay(task, seconds, seconds, TimeUnit.SECONDS);
    }

    void stop() {
        timer.shutdownNow();
        lanes.values().forEach(ThreadPoolExecutor::shutdownNow);
    }

    private void toLane(long id, String channel, Runnable task) {
        ThreadPoolExecutor lane = lanes.computeIfAbsent(
                channel,
                name -> new ThreadPoolExecutor(
                        1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), daemon("alert-send-" + name)));
        if (lane.getQueue().size() >= LIMIT) {
            waiting.remove(id);
            return;
        }
        lane.execute(() -> {
            waiting.remove(id);
            task.run();
        });
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
