package io.logcentral.retention;

import io.logcentral.ingest.IngestGate;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/retention}: the rules in force, and the rules of the API replaced as a whole. */
@RestController
@RequestMapping("/admin/retention")
class RetentionController {

    private final RetentionRules rules;
    private final RetentionRun run;
    private final IngestGate gate;

    RetentionController(RetentionRules rules, RetentionRun run, IngestGate gate) {
        this.rules = rules;
        this.run = run;
        this.gate = gate;
    }

    @GetMapping
    Map<String, Object> get() {
        return view();
    }

    @PutMapping
    Map<String, Object> put(HttpServletRequest request) {
        List<RuleKey> replaced = gate.withJsonObject(request, RetentionRequests::parse);
        rules.replace(replaced);
        run.wakeUp();
        return view();
    }

    private Map<String, Object> view() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("precedence", "service and severity, then service, then severity, then the default max_age");
        body.put(
                "rules",
                rules.effective().stream().map(RetentionController::rule).toList());
        return body;
    }

    private static Map<String, Object> rule(RuleKey rule) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", rule.service());
        view.put("severity", rule.severity() == null ? null : rule.severity().name());
        view.put("max_age", RetentionRequests.format(rule.maxAge()));
        view.put("source", rule.source());
        return view;
    }
}
