package io.logcentral.retention;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class RetentionRuleRepository extends EntityStore<RetentionRule, Long> {

    RetentionRuleRepository(EntityManagerFactory factory) {
        super(factory, RetentionRule.class);
    }

    void replaceAll(List<RetentionRule> rules) {
        entities.createQuery("DELETE FROM RetentionRule").executeUpdate();
        rules.forEach(entities::persist);
    }
}
