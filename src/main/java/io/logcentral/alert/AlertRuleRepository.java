package io.logcentral.alert;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class AlertRuleRepository extends EntityStore<AlertRule, Long> {

    AlertRuleRepository(EntityManagerFactory factory) {
        super(factory, AlertRule.class);
    }

    @Transactional(readOnly = true)
    Optional<AlertRule> findByName(String name) {
        return entities.createQuery("SELECT r FROM AlertRule r WHERE r.name = :name", AlertRule.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }
}
