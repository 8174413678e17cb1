package io.logcentral.alert;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByStatus(Notification.Status status);

    List<Notification> findByStatusAndNextAttemptAtLessThanEqualOrderByIdAsc(
            Notification.Status status, long time, Pageable page);

    List<Notification> findAllByOrderByIdDesc(Pageable page);

    /**
     * Takes a pending row for one try, if nobody moved its next try since it was read as {@code seen}: of two
     * replicas that found it due, one sends it. The try is then due again at {@code lease}, should the taker die.
     */
    @Modifying
    @Query("UPDATE Notification n SET n.nextAttemptAt = :lease"
            + " WHERE n.id = :id AND n.status = :pending AND n.nextAttemptAt = :seen")
    int take(long id, long seen, long lease, Notification.Status pending);
}
