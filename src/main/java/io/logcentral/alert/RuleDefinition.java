package io.logcentral.alert;

import java.util.List;
import java.util.Map;

/**
 * What a rule says, validated: severities and durations in canonical form, lists never null.
 *
 * @param minSeverity the least severity that matches; null when {@code severities} names them instead
 * @param severities the exact severities that match; empty when {@code minSeverity} is used
 * @param services services that match, compared case-insensitively; empty means all
 * @param q search text with the syntax of {@code GET /logs?q=}; null means any message
 * @param attributes attributes a log must carry with exactly these values
 * @param threshold null: fire on each match; n: fire when more than n matches fall in {@code window}
 * @param window the sliding window of {@code threshold}, such as {@code 5m}
 * @param channels channel names; empty means every channel
 * @param cooldown quiet time after a notification, per severity name, overriding the defaults
 */
record RuleDefinition(
        String name,
        String minSeverity,
        List<String> severities,
        List<String> services,
        String q,
        Map<String, String> attributes,
        Integer threshold,
        String window,
        List<String> channels,
        Map<String, String> cooldown,
        boolean enabled) {}
