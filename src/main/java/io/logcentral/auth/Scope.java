package io.logcentral.auth;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a token may do. Not hierarchical: an admin token that should also read needs both scopes. */
public enum Scope {
    /** Send logs. */
    INGEST,
    /** Query, stream, the web page, metrics. */
    READ,
    /** Tokens and alert rules. */
    ADMIN;

    /** Made once: every request's authentication lists its token's scopes. */
    private final GrantedAuthority authority = new SimpleGrantedAuthority("SCOPE_" + name().toLowerCase(Locale.ROOT));

    public String authority() {
        return authority.getAuthority();
    }

    GrantedAuthority grantedAuthority() {
        return authority;
    }
}
