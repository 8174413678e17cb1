package io.logcentral.pipeline;

/**
 * Work on the log store that only the writer thread may do, since it owns the one write connection: the pipeline
 * runs a step between batches when it is idle, and under load at most a tenth of its time (every 200 ms at most). A step must
 * be small (a short transaction), so a commit waits at most for one.
 */
public interface Maintenance {

    /** Does one bounded step; returns true when more work is waiting, so the writer comes back without idling. */
    boolean step();

    /** True while a step is needed after every batch, whatever the load: the disk is running out. */
    default boolean urgent() {
        return false;
    }

    /** True while new logs must be refused (503 with Retry-After) because storing them would do harm. */
    default boolean refusesWrites() {
        return false;
    }
}
