package io.logcentral.alert;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertRuleRepository extends JpaRepository<AlertRule, Long> {

    Optional<AlertRule> findByName(String name);
}
