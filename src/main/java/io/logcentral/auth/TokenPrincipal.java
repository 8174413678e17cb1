package io.logcentral.auth;

import java.util.Set;

/**
 * Who is calling: the token's name, the service it is bound to (null when free), its scopes and the status its
 * successful ingests answer with.
 */
public record TokenPrincipal(String name, String service, Set<Scope> scopes, int successStatus) {

    public boolean isBound() {
        return service != null;
    }

    /** Whether this principal may act as {@code candidate}; service names compare case-insensitively. */
    public boolean mayUse(String candidate) {
        return service == null || service.equalsIgnoreCase(candidate);
    }
}
