package io.logcentral.pipeline;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the writer thread does its maintenance between batches: at once when it is idle or a task is urgent; under
 * load a step waits 200 ms after the last, and at least 9 times as long as the last took, so maintenance takes at most
 * a tenth of the writer's time from ingest.
 */
final class MaintenanceSchedule {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceSchedule.class);
    private static final long EVERY_NANOS = Duration.ofMillis(200).toNanos();
    private static final int REST_FACTOR = 9;

    private final List<Maintenance> tasks;
    private long nextNanos = System.nanoTime();
    private boolean more;

    MaintenanceSchedule(List<Maintenance> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    /** Whether a task said it has more to do, so the writer should not idle long before the next step. */
    boolean hasMore() {
        return more;
    }

    boolean refusesWrites() {
        return tasks.stream().anyMatch(Maintenance::refusesWrites);
    }

    /** A step of each task when due; a task that fails costs its own step only. */
    void run(boolean idle) {
        long start = System.nanoTime();
        boolean due = idle || start - nextNanos >= 0 || tasks.stream().anyMatch(Maintenance::urgent);
        if (!due) {
            return;
        }
        boolean again = false;
        for (Maintenance task : tasks) {
            try {
                again |= task.step();
            } catch (RuntimeException e) {
                log.warn("A maintenance step failed: {}", e.getMessage());
            }
        }
        more = again;
        long took = System.nanoTime() - start;
        nextNanos = start + Math.max(EVERY_NANOS, took * (REST_FACTOR + 1));
    }
}
