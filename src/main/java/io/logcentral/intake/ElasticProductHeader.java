package io.logcentral.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Elasticsearch clients refuse any answer without {@code X-Elastic-Product: Elasticsearch}, a 401 included, so the
 * header is set before security or the controller answer on the bulk (and refresh) paths.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ElasticProductHeader extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.endsWith("/_bulk") && !path.endsWith("/_refresh");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Elastic-Product", "Elasticsearch");
        chain.doFilter(request, response);
    }
}
