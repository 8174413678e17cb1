package io.logcentral.retention;

import io.logcentral.storage.Expiry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rules in force: the configured ones, those set through the API (which win for the same target), the default. */
@Component
class RetentionRules {

    static final String CONFIG = "config";
    static final String API = "api";
    static final String DEFAULT = "default";

    private final RetentionProperties properties;
    private final RetentionRuleRepository repository;
    private final TransactionTemplate transactions;
    private final List<RuleKey> configured;
    private volatile List<RuleKey> fromApi;

    RetentionRules(
            RetentionProperties properties,
            RetentionRuleRepository repository,
            PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.configured = properties.rules().stream()
                .map(rule -> RuleKey.of(rule.service(), rule.severity(), rule.maxAge(), CONFIG))
                .toList();
        configured.forEach(RetentionRules::checkConfigured);
    }

    private static void checkConfigured(RuleKey rule) {
        if (rule.rank() == 0 || rule.maxAge() == null || rule.maxAge().isNegative()) {
            throw new IllegalStateException(
                    "every logcentral.retention.rules entry needs a service or a severity, and a max-age");
        }
    }

    /** Most specific first, the default last; this order is the precedence. */
    List<RuleKey> effective() {
        List<RuleKey> api = apiRules();
        List<RuleKey> rules = new ArrayList<>(api);
        configured.stream()
                .filter(rule -> api.stream().noneMatch(rule::sameTarget))
                .forEach(rules::add);
        rules.sort(Comparator.comparingInt(RuleKey::rank).reversed());
        rules.add(RuleKey.of(null, null, properties.maxAge(), DEFAULT));
        return rules;
    }

    List<Expiry> expiries(Instant now) {
        return effective().stream()
                .map(rule -> new Expiry(rule.service(), rule.severity(), now.minus(rule.maxAge())))
                .toList();
    }

    /** Replaces the rules of the API in one short transaction. */
    void replace(List<RuleKey> rules) {
        transactions.executeWithoutResult(status -> {
            repository.replaceAll(rules.stream().map(RetentionRule::new).toList());
        });
        fromApi = List.copyOf(rules);
    }

    private List<RuleKey> apiRules() {
        List<RuleKey> rules = fromApi;
        if (rules == null) {
            rules = repository.findAll().stream().map(RetentionRule::key).toList();
            fromApi = rules;
        }
        return rules;
    }
}
