package io.logcentral.alert;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class NotificationRepository extends EntityStore<Notification, Long> {

    NotificationRepository(EntityManagerFactory factory) {
        super(factory, Notification.class);
    }

    @Transactional(readOnly = true)
    List<Notification> findByStatus(Notification.Status status) {
        return entities.createQuery("SELECT n FROM Notification n WHERE n.status = :status", Notification.class)
                .setParameter("status", status)
                .getResultList();
    }

    /** The oldest {@code limit} rows of that status whose next try is due at {@code time}. */
    @Transactional(readOnly = true)
    List<Notification> findDue(Notification.Status status, long time, int limit) {
        return entities.createQuery(
                        "SELECT n FROM Notification n WHERE n.status = :status AND n.nextAttemptAt <= :time"
                                + " ORDER BY n.id",
                        Notification.class)
                .setParameter("status", status)
                .setParameter("time", time)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional(readOnly = true)
    List<Notification> findNewest(int limit) {
        return entities.createQuery("SELECT n FROM Notification n ORDER BY n.id DESC", Notification.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes a pending row for one try, if nobody moved its next try since it was read as {@code seen}: of two
     * replicas that found it due, one sends it. The try is then due again at {@code lease}, should the taker die.
     */
    int take(long id, long seen, long lease, Notification.Status pending) {
        return entities.createQuery("UPDATE Notification n SET n.nextAttemptAt = :lease"
                        + " WHERE n.id = :id AND n.status = :pending AND n.nextAttemptAt = :seen")
                .setParameter("lease", lease)
                .setParameter("id", id)
                .setParameter("pending", pending)
                .setParameter("seen", seen)
                .executeUpdate();
    }
}
