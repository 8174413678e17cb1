package io.logcentral.alert;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /admin/alerts}: the rules, and a test notification through a rule's channels. */
@RestController
@RequestMapping("/admin/alerts")
class RuleController {

    private final RuleService rules;
    private final Outbox outbox;

    RuleController(RuleService rules, Outbox outbox) {
        this.rules = rules;
        this.outbox = outbox;
    }

    @GetMapping
    List<RuleView> list() {
        return rules.list();
    }

    @PostMapping
    ResponseEntity<RuleView> create(@RequestBody JsonNode body) {
        RuleView created = rules.create(RuleRequests.parse(body));
        return ResponseEntity.created(URI.create("/admin/alerts/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    RuleView get(@PathVariable long id) {
        return rules.get(id);
    }

    @PutMapping("/{id}")
    RuleView update(@PathVariable long id, @RequestBody JsonNode body) {
        return rules.update(id, RuleRequests.parse(body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rules.delete(id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> test(@PathVariable long id) {
        RuleDefinition rule = rules.definition(id);
        return Map.of("notifications", outbox.test(rule.name(), rule.channels()));
    }
}
