package io.logcentral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void reserveWhenBudgetSpentRefusesUntilABodyIsGivenBack() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Reservation first = budget.reserve(60);

        assertThatThrownBy(() -> budget.reserve(60)).isInstanceOf(OverloadedException.class);
        first.close();
        assertThat(budget.used()).isZero();
        budget.reserve(60).close();
    }

    @Test
    void growWhenOverBudgetRefusesAndKeepsWhatWasHeld() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Reservation other = budget.reserve(50);
        BodyBudget.Reservation growing = budget.reserve(10);

        assertThatThrownBy(() -> growing.grow(50)).isInstanceOf(OverloadedException.class);

        assertThat(growing.held()).isEqualTo(10);
        assertThat(budget.used()).isEqualTo(60);
        growing.close();
        other.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void reserveWhenNothingElseIsInFlightTakesEvenABodyOverTheBudget() {
        BodyBudget budget = new BodyBudget(100);

        try (BodyBudget.Reservation large = budget.reserve(150)) {
            assertThat(large.held()).isEqualTo(150);
        }
    }

    @Test
    void openWhenBudgetIsSpentHoldsNothingUntilBytesArrive() {
        BodyBudget budget = new BodyBudget(100);
        BodyBudget.Reservation slow = budget.reserve(100);

        try (BodyBudget.Reservation declaredLarge = budget.open()) {
            assertThat(declaredLarge.held()).isZero();
            assertThat(budget.used()).isEqualTo(100);
            assertThatThrownBy(() -> declaredLarge.grow(1)).isInstanceOf(OverloadedException.class);
        }
        slow.close();
        assertThat(budget.used()).isZero();
    }
}
