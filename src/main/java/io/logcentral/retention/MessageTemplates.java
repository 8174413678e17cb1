package io.logcentral.retention;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Messages with their variable parts folded, so the same line with other ids counts as one template. */
final class MessageTemplates {

    /** One folded message and how often it came. */
    record Template(String template, long count) {}

    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** Hex with at least one digit, 6 characters or more, or 0x-prefixed: hashes, trace ids, addresses. */
    private static final Pattern HEX = Pattern.compile("\\b(?:0x[0-9a-fA-F]+|(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{6,})\\b");

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int LONGEST = 200;

    private MessageTemplates() {}

    static String fold(String message) {
        String folded = UUID.matcher(message).replaceAll("<id>");
        folded = HEX.matcher(folded).replaceAll("<hex>");
        folded = NUMBER.matcher(folded).replaceAll("<n>");
        return folded.length() > LONGEST ? folded.substring(0, LONGEST) + "…" : folded;
    }

    /** The {@code max} most frequent templates of {@code messages}, most frequent first. */
    static List<Template> top(List<String> messages, int max) {
        Map<String, Long> counts = messages.stream()
                .collect(Collectors.groupingBy(MessageTemplates::fold, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(max)
                .map(entry -> new Template(entry.getKey(), entry.getValue()))
                .collect(Collectors.toList());
    }
}
