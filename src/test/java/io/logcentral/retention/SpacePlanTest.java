package io.logcentral.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpacePlanTest {

    private static final long MIB = 1 << 20;
    private static final long RESERVE = 64 * MIB;

    @Test
    void atFullSpeedDeletingKeepsUpWithTheCommitsAndTheDiskNeverReachesTheReserve() {
        Disk disk = new Disk(100 * MIB, 600);
        SpacePlan plan = SpacePlan.start(8000);
        long lowest = Long.MAX_VALUE;
        for (int commit = 0; commit < 2000; commit++) {
            disk.commit(5000);
            plan = disk.check(plan);
            lowest = Math.min(lowest, disk.free);
        }

        assertThat(lowest).isGreaterThanOrEqualTo(RESERVE);
        assertThat(disk.deleted).isPositive();
        assertThat(plan.refuse(disk.free, disk.storeFree)).isFalse();
    }

    @Test
    void whenDeletingFreesLittlePerLogTheGuardDeletesMoreLogsAChecks() {
        SpacePlan plan = SpacePlan.start(8000).seen(80 * MIB, RESERVE);
        long before = plan.logsToDelete(79 * MIB);

        SpacePlan taught = plan.freed(100 * 1000, 1000).freed(100 * 1000, 1000);

        assertThat(taught.logsToDelete(79 * MIB)).isGreaterThan(before);
    }

    @Test
    void deletesWhatTheLastCommitsTookPlusWhatRoomLacksUnderTheMark() {
        SpacePlan plan = SpacePlan.start(1_000_000).seen(90 * MIB, RESERVE).settled(90 * MIB);

        SpacePlan next = plan.seen(78 * MIB, RESERVE);

        long lack = next.highWater() - 78 * MIB;
        assertThat(next.highWater()).isEqualTo(RESERVE + 2 * 12 * MIB);
        assertThat(next.logsToDelete(78 * MIB)).isEqualTo((lack + 12 * MIB + 511) / 512);
    }

    @Test
    void aboveTheMarkNothingIsDeletedAndNothingGivenBack() {
        SpacePlan plan = SpacePlan.start(8000).seen(200 * MIB, RESERVE);

        assertThat(plan.logsToDelete(200 * MIB)).isZero();
        assertThat(plan.bytesToGiveBack(200 * MIB, 10 * MIB)).isZero();
        assertThat(plan.watch(200 * MIB)).isFalse();
    }

    @Test
    void underTheMarkFreeSpaceInsideTheStoreGoesBackToTheDiskInBoundedSteps() {
        SpacePlan plan = SpacePlan.start(8000).seen(70 * MIB, RESERVE);

        assertThat(plan.bytesToGiveBack(70 * MIB, 2 * MIB)).isEqualTo(2 * MIB);
        assertThat(plan.bytesToGiveBack(70 * MIB, 40 * MIB)).isEqualTo(SpacePlan.MOST_GIVEN_BACK);
    }

    @Test
    void logsAreRefusedOnlyBelowTheReserveWhenTheStoreHasNoRoomOfItsOwn() {
        SpacePlan plan = SpacePlan.start(8000).seen(60 * MIB, RESERVE);

        assertThat(plan.refuse(RESERVE, 0)).isFalse();
        assertThat(plan.refuse(RESERVE - 1, 8 * MIB)).isFalse();
        assertThat(plan.refuse(RESERVE - 1, 0)).isTrue();
    }

    /**
     * A disk holding a store that reuses its free pages and gives them back on request, where a log takes
     * {@code bytesPerLog} and deleting one frees three quarters of that, as FTS5 does before it merges its index.
     */
    private static final class Disk {
        final long bytesPerLog;
        long free;
        long storeFree;
        long deleted;

        Disk(long free, long bytesPerLog) {
            this.free = free;
            this.bytesPerLog = bytesPerLog;
        }

        void commit(int logs) {
            long bytes = logs * bytesPerLog;
            long reused = Math.min(storeFree, bytes);
            storeFree -= reused;
            free -= bytes - reused;
        }

        SpacePlan check(SpacePlan start) {
            SpacePlan plan = start.seen(free + storeFree, RESERVE);
            long logs = plan.logsToDelete(free + storeFree);
            if (logs > 0) {
                long before = free + storeFree;
                storeFree += logs * bytesPerLog * 3 / 4;
                deleted += logs;
                plan = plan.freed(free + storeFree - before, logs);
            }
            long back = plan.bytesToGiveBack(free, storeFree);
            storeFree -= back;
            free += back;
            return plan.settled(free + storeFree);
        }
    }
}
