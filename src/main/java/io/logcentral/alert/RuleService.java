package io.logcentral.alert;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rules as the admin API and configuration change them; the evaluator reloads them after each commit. */
@Service
@Transactional
class RuleService {

    private final AlertRuleRepository rules;
    private final ChannelRepository channels;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RuleService(AlertRuleRepository rules, ChannelRepository channels, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<RuleView> list() {
        return rules.findAll().stream().map(RuleView::of).toList();
    }

    @Transactional(readOnly = true)
    RuleView get(long id) {
        return RuleView.of(find(id));
    }

    RuleView create(RuleDefinition definition) {
        check(definition, null);
        AlertRule rule = rules.save(new AlertRule(definition, clock.millis()));
        events.publishEvent(new RuleBook.RulesChanged());
        return RuleView.of(rule);
    }

    RuleView update(long id, RuleDefinition definition) {
        AlertRule rule = find(id);
        check(definition, rule.id());
        rule.define(definition, clock.millis());
        events.publishEvent(new RuleBook.RulesChanged());
        return RuleView.of(rules.saveAndFlush(rule));
    }

    /** Creates the rule of that name, or replaces what it says: for rules kept in configuration. */
    void put(RuleDefinition definition) {
        rules.findByName(definition.name())
                .ifPresentOrElse(rule -> update(rule.id(), definition), () -> create(definition));
    }

    void delete(long id) {
        rules.delete(find(id));
        events.publishEvent(new RuleBook.RulesChanged());
    }

    @Transactional(readOnly = true)
    RuleDefinition definition(long id) {
        return find(id).definition();
    }

    private void check(RuleDefinition definition, Long self) {
        rules.findByName(definition.name())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new NameTakenException(definition.name());
                });
        for (String channel : definition.channels()) {
            if (!channels.existsById(channel)) {
                throw new InvalidAlertException("channels", "no channel named " + channel);
            }
        }
    }

    private AlertRule find(long id) {
        return rules.findById(id).orElseThrow(() -> new AlertNotFoundException("rule " + id));
    }
}
