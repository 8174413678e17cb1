package io.logcentral.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one notification says; kept in the outbox as JSON and sent as is by webhooks.
 *
 * @param time the log's own timestamp, ISO-8601 UTC
 * @param logId null for a test notification
 * @param link the log's address, {@code /logs/{id}} on this server
 * @param more matches of the same rule, service and severity held back by a cooldown besides this one
 * @param test whether an operator asked for it to try the channel
 */
record AlertMessage(
        String rule,
        String service,
        String severity,
        String message,
        String time,
        @JsonProperty("log_id") Long logId,
        String link,
        int more,
        boolean test) {

    /** Chats cap a message (Telegram at 4096 characters); the link leads to the whole log. */
    private static final int MESSAGE_SHOWN = 1000;

    /** The text of chat and e-mail channels. */
    String text() {
        StringBuilder text = new StringBuilder();
        if (test) {
            text.append("[test] ");
        }
        text.append('[').append(severity).append("] ").append(service).append(": ");
        text.append(message.length() > MESSAGE_SHOWN ? message.substring(0, MESSAGE_SHOWN) + "…" : message);
        text.append("\nrule ").append(rule).append(" at ").append(time);
        if (link != null) {
            text.append('\n').append(link);
        }
        if (more > 0) {
            text.append("\nand ").append(more).append(" more");
        }
        return text.toString();
    }

    String subject() {
        return (test ? "[test] " : "") + "[" + severity + "] " + service + ": " + rule;
    }
}
