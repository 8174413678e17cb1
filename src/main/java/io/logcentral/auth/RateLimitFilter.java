package io.logcentral.auth;

import io.logcentral.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Counts each request of a known token against its requests a second, before any handler does work for it. */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final Problems problems;

    RateLimitFilter(RateLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token) {
            try {
                limits.takeRequest(token.getPrincipal());
            } catch (RateLimitedException e) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                problems.write(response, e.getBody(), request.getRequestURI());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
