package io.logcentral.auth;

import java.util.Set;

/** A managed token as {@code POST /admin/tokens} asks for it, checked. */
record TokenRequest(String name, Set<Scope> scopes, String service, Long expiresAt, TokenLimits limits) {}
