package io.logcentral.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the token a request presents into its principal. A presented token that is unknown is refused at once, even
 * where anonymous access is on, so a mistyped token never silently loses its scopes.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private final TokenRegistry registry;
    private final TokenPrincipal anonymous;
    private final TokenFailureHandler failures;

    TokenAuthenticationFilter(TokenRegistry registry, TokenPrincipal anonymous, TokenFailureHandler failures) {
        this.registry = registry;
        this.anonymous = anonymous;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = PresentedToken.from(request);
        TokenPrincipal principal;
        if (presented.isPresent()) {
            Optional<TokenPrincipal> known = registry.find(presented.get());
            if (known.isEmpty() && !AccessRules.checksOwnCredentials(request)) {
                failures.commence(request, response, new BadCredentialsException("unknown token"));
                return;
            }
            principal = known.orElse(null);
        } else {
            principal = anonymous;
        }
        if (principal != null) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new TokenAuthentication(principal));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
