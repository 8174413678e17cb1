package io.logcentral.auth;

import io.logcentral.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers 401 (with the schemes a client may use) and 403 (naming the missing scope) as problem details. */
final class TokenFailureHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    TokenFailureHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String error = e.getMessage() != null && e.getMessage().equals("unknown token")
                ? "unknown token"
                : "missing token: send Authorization: Token <token>";
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Token realm=\"logcentral\"");
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"logcentral\"");
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, error), request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (PresentedToken.from(request).isEmpty()) {
            // Anonymous access is on but does not reach this far: what the client lacks is a token.
            commence(request, response, new InsufficientAuthenticationException("missing token"));
            return;
        }
        var access = AccessRules.accessFor(request);
        if (access.isEmpty()) {
            methodNotAllowed(request, response);
            return;
        }
        if (access.get() == AccessRules.Access.READ_EVERY_SERVICE
                && SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token
                && token.getPrincipal().isBound()) {
            String error = "this token is bound to service '"
                    + token.getPrincipal().service() + "' and " + request.getRequestURI()
                    + " counts every service's logs: use a token not bound to a service";
            problems.write(response, Problems.of(HttpStatus.FORBIDDEN, error), request.getRequestURI());
            return;
        }
        String error = access.get()
                .scope()
                .map(scope -> "token lacks the " + scope.name().toLowerCase(Locale.ROOT) + " scope")
                .orElse("token lacks the scope for this request");
        problems.write(response, Problems.of(HttpStatus.FORBIDDEN, error), request.getRequestURI());
    }

    /** A method the access table does not name on a path it knows: refused as Spring would refuse it, with Allow. */
    private void methodNotAllowed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String allowed = AccessRules.ruleFor(request).map(rule -> rule.methods().keySet()).orElse(Set.of()).stream()
                .map(HttpMethod::name)
                .sorted()
                .collect(Collectors.joining(", "));
        response.setHeader(HttpHeaders.ALLOW, allowed);
        problems.write(
                response,
                Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method " + request.getMethod() + " is not allowed here"),
                request.getRequestURI());
    }
}
