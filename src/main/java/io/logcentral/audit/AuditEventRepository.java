package io.logcentral.audit;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class AuditEventRepository extends EntityStore<AuditEvent, Long> {

    AuditEventRepository(EntityManagerFactory factory) {
        super(factory, AuditEvent.class);
    }

    @Transactional(readOnly = true)
    List<AuditEvent> findNewest(int limit) {
        return entities.createQuery("SELECT e FROM AuditEvent e ORDER BY e.id DESC", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** At most {@code rows} of the oldest actions before {@code before}: one small step that holds the lock briefly. */
    int deleteOlderThan(long before, int rows) {
        return entities.createNativeQuery("DELETE FROM audit_events WHERE id IN"
                        + " (SELECT id FROM audit_events WHERE at < ?1 ORDER BY id LIMIT ?2)")
                .setParameter(1, before)
                .setParameter(2, rows)
                .executeUpdate();
    }
}
