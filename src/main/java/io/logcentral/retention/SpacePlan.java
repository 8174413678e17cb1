package io.logcentral.retention;

/**
 * The disk guard's arithmetic, apart from the disk and the store so that it is tested on its own. Room is the disk's
 * free space plus the store's: what new logs can take before the disk itself shrinks. The guard acts from the
 * high-water mark, the reserve plus a band of a quarter of the reserve or twice what the commits between two checks
 * took, whichever is larger (at most half the reserve); so at full ingest speed no commit takes it from above the mark
 * to below the reserve. Each
 * check deletes what the last commits took plus what room lacks under the mark, at the bytes a deleted log was seen
 * to free, so deleting follows the ingest rate.
 *
 * @param reserve the free space the disk must keep
 * @param highWater where deleting starts
 * @param lastRoom the room after the last check, negative before the first
 * @param lastUse what the commits since the check before took
 * @param recentUse the largest lastUse lately, fading by an eighth a check
 * @param bytesPerLog what deleting one log gave back lately
 * @param mostLogs the most logs one check deletes, so that a commit never waits long behind the guard
 */
record SpacePlan(
        long reserve, long highWater, long lastRoom, long lastUse, long recentUse, long bytesPerLog, long mostLogs) {

    /** Deletes below this many logs cost more in fixed work than they give. */
    static final long LEAST_LOGS = 100;
    /** A deleted log frees at least this much (its page must empty enough first); until the store shows more, assume little. */
    static final long LEAST_BYTES_PER_LOG = 64;
    /** Room of its own the store needs, below the reserve, to go on taking logs without touching the disk. */
    static final long LEAST_CUSHION = 1 << 20;
    /** At most 4 MiB are given back a check: moving pages to the end of the file holds the writer. */
    static final long MOST_GIVEN_BACK = 4 << 20;

    static SpacePlan start(long mostLogs) {
        return new SpacePlan(0, 0, -1, 0, 0, 512, mostLogs);
    }

    /** A check begins: the reserve in force and the room there is now, after the commits since the last check. */
    SpacePlan seen(long room, long reserveNow) {
        // A drop larger than the reserve is not the pace of commits (the disk was swapped or resized): not planned by.
        long use = lastRoom < 0 ? 0 : Math.min(reserveNow, Math.max(0, lastRoom - room));
        long recent = Math.max(use, recentUse - recentUse / 8);
        long high = reserveNow + Math.min(reserveNow / 2, Math.max(reserveNow / 4, 2 * recent));
        return new SpacePlan(reserveNow, high, lastRoom, use, recent, bytesPerLog, mostLogs);
    }

    /** How many logs to delete now: what room lacks under the mark, and room for as much again as the last commits took. */
    long logsToDelete(long room) {
        long bytes = highWater - room + lastUse;
        if (room >= highWater || bytes <= 0) {
            return 0;
        }
        long logs = (bytes + bytesPerLog - 1) / bytesPerLog;
        return Math.min(mostLogs, Math.max(LEAST_LOGS, logs));
    }

    /** Deleting {@code logs} changed room by {@code bytes}: what the next deletes are sized by. */
    SpacePlan freed(long bytes, long logs) {
        if (logs == 0) {
            return this;
        }
        long seen = Math.max(LEAST_BYTES_PER_LOG, (3 * bytesPerLog + bytes / logs) / 4);
        return new SpacePlan(reserve, highWater, lastRoom, lastUse, recentUse, seen, mostLogs);
    }

    /** Space inside the store handed back to the disk: only when the disk is under the mark, and a bounded step. */
    long bytesToGiveBack(long diskFree, long storeFree) {
        return diskFree >= highWater ? 0 : Math.min(MOST_GIVEN_BACK, Math.min(storeFree, highWater - diskFree));
    }

    /** The check ended with this much room; the next check measures the commits' use from it. */
    SpacePlan settled(long room) {
        return new SpacePlan(reserve, highWater, room, lastUse, recentUse, bytesPerLog, mostLogs);
    }

    /** Whether to check after every commit: room is within reach of the mark at the pace of the last commits. */
    boolean watch(long room) {
        return room < 2 * highWater - reserve + 8 * recentUse;
    }

    /** Whether to refuse new logs: the disk is below the reserve and the store has no room left to take them in. */
    boolean refuse(long diskFree, long storeFree) {
        return diskFree < reserve && storeFree < Math.max(LEAST_CUSHION, recentUse);
    }
}
