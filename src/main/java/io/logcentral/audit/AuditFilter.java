package io.logcentral.audit;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.web.LogSafe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every admin action that passed the access table (the methods that change something under {@code /admin/},
 * whatever their outcome) once it is answered. It runs after Spring Security's chain, so the caller is known, and
 * after the forwarded-headers filter, so the address is the one the server already trusts.
 */
@Component
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");
    private static final int MAX_PATH = 512;

    private final AuditEventRepository events;
    private final Clock clock;

    AuditFilter(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/admin/") || READING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String who = caller(SecurityContextHolder.getContext().getAuthentication());
            if (who != null) {
                record(request, response, who);
            }
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, String who) {
        String path = truncate(request.getRequestURI());
        try {
            events.save(new AuditEvent(
                    clock.millis(),
                    who,
                    request.getMethod(),
                    path,
                    target(path, response.getHeader(HttpHeaders.LOCATION)),
                    response.getStatus(),
                    request.getRemoteAddr()));
        } catch (RuntimeException e) {
            log.warn("An admin action of token {} could not be audited: {}", who, LogSafe.text(e.toString()));
        }
    }

    private static @Nullable String caller(@Nullable Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof TokenPrincipal principal
                ? principal.name()
                : null;
    }

    /** What was acted on: the name a create answered with, else the segment after the collection in the path. */
    static @Nullable String target(String path, @Nullable String location) {
        String source = location != null ? location : path;
        String[] segments = source.split("/");
        // "", "admin", the collection, the target
        return segments.length > 3 ? segments[3] : null;
    }

    private static String truncate(String text) {
        return text.length() > MAX_PATH ? text.substring(0, MAX_PATH) : text;
    }
}
