package io.logcentral.alert;

import io.logcentral.storage.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The enabled rules, compiled, as the evaluating thread reads them; reloaded after each committed change here, and
 * looked at again every {@link #REFRESH} for changes another replica on the same database made.
 */
@Component
class RuleBook {

    /** Published inside the transaction that changed a rule. */
    record RulesChanged() {}

    private final AlertRuleRepository repository;
    private final TransactionTemplate readOnly;
    /** How soon a rule changed on another replica is checked here too. */
    static final Duration REFRESH = Duration.ofSeconds(2);

    private volatile List<CompiledRule> rules = List.of();
    private volatile Severity floor;
    /** What the rules were compiled from: unchanged definitions are not compiled again. */
    private Map<Long, RuleDefinition> loaded = Map.of();

    RuleBook(AlertRuleRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    List<CompiledRule> rules() {
        return rules;
    }

    /** The least severity any enabled rule accepts; null when no rule is enabled. */
    Severity floor() {
        return floor;
    }

    @TransactionalEventListener
    void changed(RulesChanged changed) {
        reload();
    }

    synchronized void reload() {
        Map<Long, RuleDefinition> definitions = readOnly.execute(status -> {
            Map<Long, RuleDefinition> enabled = new LinkedHashMap<>();
            repository.findAll().stream()
                    .filter(rule -> rule.definition().enabled())
                    .forEach(rule -> enabled.put(rule.id(), rule.definition()));
            return enabled;
        });
        if (definitions.equals(loaded)) {
            return;
        }
        loaded = definitions;
        List<CompiledRule> compiled = definitions.entrySet().stream()
                .map(rule -> CompiledRule.of(rule.getKey(), rule.getValue()))
                .toList();
        rules = compiled;
        floor = compiled.stream()
                .flatMap(rule -> rule.severities().stream())
                .min(Enum::compareTo)
                .orElse(null);
    }
}
