package io.logcentral.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GuardPropertiesTest {

    private static final long GIB = 1L << 30;

    @Test
    void theDefaultReserveIsTenPerCentOrOneGibWhicheverIsLarger() {
        GuardProperties defaults = new GuardProperties("10%,1GB");

        assertThat(defaults.reserveBytes(100 * GIB)).isEqualTo(10 * GIB);
        assertThat(defaults.reserveBytes(4 * GIB)).isEqualTo(GIB);
    }

    @Test
    void aMinFreeThatIsNeitherSizeNorPercentageStopsTheStart() {
        assertThatThrownBy(() -> new GuardProperties("plenty"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logcentral.storage.min-free");
    }
}
