package io.logcentral.auth;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: one table of (methods, path) to access. A method the table does not name on a path it knows is
 * refused (HEAD and OPTIONS included, which Spring would otherwise serve from the GET handler or answer itself), so
 * a handler added without a rule here cannot be reached around its scope. Paths the table does not know need only a
 * valid token, and then find no handler: 404.
 */
final class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    enum Access {
        /** No token needed. */
        OPEN,
        /** The endpoint checks a credential of its own (seed 003's) and answers in its own shape. */
        OWN_CREDENTIALS,
        INGEST,
        READ,
        /** Read, and what is read counts every service's logs: a token bound to one service may not. */
        READ_EVERY_SERVICE,
        ADMIN;

        Optional<Scope> scope() {
            return switch (this) {
                case INGEST -> Optional.of(Scope.INGEST);
                case READ, READ_EVERY_SERVICE -> Optional.of(Scope.READ);
                case ADMIN -> Optional.of(Scope.ADMIN);
                case OPEN, OWN_CREDENTIALS -> Optional.empty();
            };
        }
    }

    /** A path of the table and what each method on it needs; a method it does not name is refused. */
    record Rule(String pattern, Map<HttpMethod, Access> methods, RequestMatcher path) {}

    static final List<Rule> RULES = List.of(
            rule("/", reading(Access.OPEN)),
            rule("/health", reading(Access.OPEN)),
            // The web page's scripts, styles and chart library: the token is entered in the page itself.
            rule("/ui/**", reading(Access.OPEN)),
            rule("/webjars/**", reading(Access.OPEN)),
            // Before /logs/**: "logs" is the index name Elasticsearch shippers use most.
            rule("/{index}/_bulk", Map.of(POST, Access.INGEST)),
            rule("/{index}/_refresh", Map.of(GET, Access.INGEST, POST, Access.INGEST)),
            rule("/logs", Map.of(POST, Access.INGEST, GET, Access.READ, HEAD, Access.READ)),
            // A HEAD would hold a live tail open that can never send anything.
            rule("/logs/stream", Map.of(GET, Access.READ)),
            rule("/logs/**", reading(Access.READ)),
            rule("/log", Map.of(POST, Access.INGEST)),
            rule("/create_user", Map.of(POST, Access.OWN_CREDENTIALS)),
            rule("/send_logs", Map.of(POST, Access.OWN_CREDENTIALS)),
            rule("/v1/logs", Map.of(POST, Access.INGEST)),
            rule("/loki/api/v1/push", Map.of(POST, Access.INGEST)),
            rule("/_bulk", Map.of(POST, Access.INGEST)),
            rule("/gelf", Map.of(POST, Access.INGEST)),
            rule("/metrics", reading(Access.READ_EVERY_SERVICE)),
            rule("/actuator/prometheus", reading(Access.READ_EVERY_SERVICE)),
            rule("/admin/**", managing(Access.ADMIN)),
            // Reached by the error dispatch only; a request of its own for it is refused.
            rule("/error", Map.of()));

    static final AccessRules INSTANCE = new AccessRules();

    private AccessRules() {}

    /** The first line of the table whose path matches; empty when the table does not know the path. */
    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.path().matches(request)).findFirst();
    }

    /** What this method on this path needs; empty when the table does not name it. */
    static Optional<Access> accessFor(HttpServletRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        return ruleFor(request).map(rule -> rule.methods().get(method));
    }

    static boolean checksOwnCredentials(HttpServletRequest request) {
        return accessFor(request)
                .map(access -> access == Access.OWN_CREDENTIALS)
                .orElse(false);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Optional<Rule> rule = ruleFor(request);
        if (rule.isEmpty()) {
            // No handler serves a path the table does not know: a valid token gets its 404.
            return new AuthorizationDecision(isToken(authentication.get()));
        }
        Access access = rule.get().methods().get(HttpMethod.valueOf(request.getMethod()));
        if (access == null) {
            return new AuthorizationDecision(false);
        }
        if (access == Access.OPEN || access == Access.OWN_CREDENTIALS) {
            return new AuthorizationDecision(true);
        }
        Authentication caller = authentication.get();
        String needed = access.scope().orElseThrow().authority();
        boolean scoped =
                isToken(caller) && caller.getAuthorities().stream().anyMatch(a -> needed.equals(a.getAuthority()));
        return new AuthorizationDecision(scoped && !(access == Access.READ_EVERY_SERVICE && isBound(caller)));
    }

    static boolean isBound(Authentication caller) {
        return caller instanceof TokenAuthentication token
                && token.getPrincipal().isBound();
    }

    private static boolean isToken(Authentication caller) {
        return caller instanceof TokenAuthentication && caller.isAuthenticated();
    }

    private static Rule rule(String pattern, Map<HttpMethod, Access> methods) {
        return new Rule(
                pattern, methods, PathPatternRequestMatcher.withDefaults().matcher(pattern));
    }

    private static Map<HttpMethod, Access> reading(Access access) {
        return Map.of(GET, access, HEAD, access);
    }

    private static Map<HttpMethod, Access> managing(Access access) {
        return Map.of(GET, access, HEAD, access, POST, access, PUT, access, PATCH, access, DELETE, access);
    }
}
