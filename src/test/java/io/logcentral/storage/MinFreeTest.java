package io.logcentral.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinFreeTest {

    private static final long GIB = 1L << 30;

    @Test
    void theDefaultReserveIsTenPerCentOrOneGibWhicheverIsLarger() {
        StorageProperties.Store defaults = store("10%,1GB");

        assertThat(defaults.reserveBytes(100 * GIB)).isEqualTo(10 * GIB);
        assertThat(defaults.reserveBytes(4 * GIB)).isEqualTo(GIB);
    }

    @Test
    void aMinFreeThatIsNeitherSizeNorPercentageStopsTheStart() {
        assertThatThrownBy(() -> store("plenty"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logcentral.storage.min-free");
    }

    static StorageProperties.Store store(String minFree) {
        return new StorageProperties.Store(StorageProperties.Sync.NORMAL, 5000, 4, false, minFree);
    }
}
