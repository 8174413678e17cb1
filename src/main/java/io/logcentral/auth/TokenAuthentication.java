package io.logcentral.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request that presented a known token (or none, where anonymous access is on); its authorities are its scopes. */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final TokenPrincipal principal;

    TokenAuthentication(TokenPrincipal principal) {
        super(principal.scopes().stream().map(Scope::grantedAuthority).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public TokenPrincipal getPrincipal() {
        return principal;
    }
}
