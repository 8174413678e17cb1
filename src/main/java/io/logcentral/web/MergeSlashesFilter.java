package io.logcentral.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code //send_logs} as {@code /send_logs}: seed 003's client joins its base URL and path with a double slash,
 * which the security firewall would otherwise refuse as a path that is not normalised.
 */
@Component
class MergeSlashesFilter extends OncePerRequestFilter implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!uri.contains("//")) {
            chain.doFilter(request, response);
            return;
        }
        String merged = uri.replaceAll("/{2,}", "/");
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getRequestURI() {
                        return merged;
                    }

                    @Override
                    public StringBuffer getRequestURL() {
                        String url = super.getRequestURL().toString();
                        int path = url.indexOf('/', url.indexOf("//") + 2);
                        return new StringBuffer(path < 0 ? url : url.substring(0, path) + merged);
                    }
                },
                response);
    }
}
