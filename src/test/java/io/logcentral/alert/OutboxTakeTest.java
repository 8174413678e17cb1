package io.logcentral.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A pending notification is tried by one replica at a time: the sweeps of two replicas on one database may both find
 * it due, but only the first to take it (moving its next try) sends it.
 */
@LogServerTest
class OutboxTakeTest {

    @Autowired
    NotificationRepository notifications;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void ofTwoReplicasThatFoundTheSameRowDueOnlyTheFirstTakesIt() {
        AlertMessage message =
                new AlertMessage("take", "take-svc", "ERROR", "due twice", "2026-01-01T00:00:00Z", 1L, null, 0, false);
        long id = transactions.execute(status -> notifications
                .save(new Notification(message, "nowhere", "{}", 1_000, 2_000))
                .id());

        int first = transactions.execute(status -> notifications.take(id, 2_000, 9_000, Notification.Status.pending));
        int second = transactions.execute(status -> notifications.take(id, 2_000, 9_500, Notification.Status.pending));

        assertThat(first).isEqualTo(1);
        assertThat(second).as("the row moved since the second read it").isZero();
        long nextTry = transactions.execute(
                status -> notifications.findById(id).orElseThrow().nextAttemptAt());
        assertThat(nextTry).isEqualTo(9_000);
    }
}
