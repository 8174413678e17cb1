package io.logcentral.textformat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The line formats of a text body, by the name {@code ?format=} gives them. */
public enum TextFormat {
    SYSLOG,
    LOGFMT,
    ACCESS,
    JSON,
    PLAIN;

    /** The name as {@code ?format=} spells it. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TextFormat> named(String parameter) {
        return Arrays.stream(values())
                .filter(format -> format.parameter().equals(parameter.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The names for an error message: {@code syslog|logfmt|access|json|plain}. */
    public static String names() {
        return String.join(
                "|", Arrays.stream(values()).map(TextFormat::parameter).toList());
    }
}
