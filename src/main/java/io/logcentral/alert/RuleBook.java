package io.logcentral.alert;

import io.logcentral.storage.Severity;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/** The enabled rules, compiled, as the evaluating thread reads them; reloaded after each committed change. */
@Component
class RuleBook {

    /** Published inside the transaction that changed a rule. */
    record RulesChanged() {}

    private final AlertRuleRepository repository;
    private final TransactionTemplate readOnly;
    private volatile List<CompiledRule> rules = List.of();
    private volatile Severity floor;

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

    void reload() {
        List<CompiledRule> loaded = readOnly.execute(status -> repository.findAll().stream()
                .filter(rule -> rule.definition().enabled())
                .map(rule -> CompiledRule.of(rule.id(), rule.definition()))
                .toList());
        rules = loaded;
        floor = loaded.stream()
                .flatMap(rule -> rule.severities().stream())
                .min(Enum::compareTo)
                .orElse(null);
    }
}
