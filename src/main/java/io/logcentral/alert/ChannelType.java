package io.logcentral.alert;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of channel, the settings each needs and may take, and which of them are secrets never shown. */
enum ChannelType {
    WEBHOOK(Set.of("url"), Set.of(), Set.of("url")),
    SLACK(Set.of("url"), Set.of(), Set.of("url")),
    TELEGRAM(Set.of("token", "chat_id"), Set.of("api_url"), Set.of("token")),
    EMAIL(Set.of("to"), Set.of("from", "host", "port", "username", "password", "starttls"), Set.of("password"));

    private final Set<String> required;
    private final Set<String> optional;
    private final Set<String> secrets;

    ChannelType(Set<String> required, Set<String> optional, Set<String> secrets) {
        this.required = required;
        this.optional = optional;
        this.secrets = secrets;
    }

    static Optional<ChannelType> parse(String text) {
        for (ChannelType type : values()) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    Set<String> required() {
        return required;
    }

    boolean takes(String setting) {
        return required.contains(setting) || optional.contains(setting);
    }

    boolean isSecret(String setting) {
        return secrets.contains(setting);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
