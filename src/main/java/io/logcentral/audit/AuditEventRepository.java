package io.logcentral.audit;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    @Transactional(readOnly = true)
    List<AuditEvent> findAllByOrderByIdDesc(Pageable page);

    /** At most {@code rows} of the oldest actions before {@code before}: one small step that holds the lock briefly. */
    @Modifying
    @Transactional
    @Query(
            value = "DELETE FROM audit_events WHERE id IN"
                    + " (SELECT id FROM audit_events WHERE at < ?1 ORDER BY id LIMIT ?2)",
            nativeQuery = true)
    int deleteOlderThan(long before, int rows);
}
