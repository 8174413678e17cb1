package io.logcentral.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Rules and channels kept in configuration (for those who keep it in git), stored at each start over those of the
 * same name, through the same checks as the API; a wrong one stops the start with the property named.
 */
@Component
class ConfiguredAlerts {

    private final AlertProperties alerts;
    private final ChannelProperties channels;
    private final RuleService ruleService;
    private final ChannelService channelService;

    ConfiguredAlerts(
            AlertProperties alerts,
            ChannelProperties channels,
            RuleService ruleService,
            ChannelService channelService) {
        this.alerts = alerts;
        this.channels = channels;
        this.ruleService = ruleService;
        this.channelService = channelService;
    }

    @EventListener(ApplicationStartedEvent.class)
    void store() {
        channels.channels().forEach((name, settings) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            settings.forEach((key, value) -> body.put(key.replace('-', '_').replace('.', '_'), value));
            checked("logcentral.channels." + name, () -> channelService.put(name, json(body)));
        });
        alerts.rules()
                .forEach((name, rule) -> checked(
                        "logcentral.alerts.rules." + name,
                        () -> ruleService.put(RuleRequests.parse(json(body(name, rule))))));
    }

    private static Map<String, Object> body(String name, AlertProperties.ConfiguredRule rule) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("min_severity", rule.minSeverity());
        body.put("severities", rule.severities());
        body.put("services", rule.services());
        body.put("q", rule.q());
        body.put("attributes", rule.attributes());
        body.put("threshold", rule.threshold());
        body.put("window", rule.window());
        body.put("channels", rule.channels());
        body.put("cooldown", rule.cooldown());
        body.put("enabled", rule.enabled());
        body.values().removeIf(value -> value == null || (value instanceof List<?> list && list.isEmpty()));
        return body;
    }

    private static JsonNode json(Map<String, Object> body) {
        return JsonColumns.JSON.valueToTree(body);
    }

    private static void checked(String property, Runnable store) {
        try {
            store.run();
        } catch (InvalidAlertException e) {
            throw new IllegalStateException(property + ": " + e.getBody().getDetail(), e);
        }
    }
}
