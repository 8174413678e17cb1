package io.logcentral.auth;

import java.util.Locale;

/** What a token may do. Not hierarchical: an admin token that should also read needs both scopes. */
public enum Scope {
    /** Send logs. */
    INGEST,
    /** Query, stream, the web page, metrics. */
    READ,
    /** Tokens and alert rules. */
    ADMIN;

    public String authority() {
        return "SCOPE_" + name().toLowerCase(Locale.ROOT);
    }
}
