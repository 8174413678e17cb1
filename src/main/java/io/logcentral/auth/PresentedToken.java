package io.logcentral.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Finds the token a request carries, in any of the header forms clients use; in the query string only on
 * {@code /gelf}, whose clients cannot send headers.
 */
final class PresentedToken {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String GELF_PATH = "/gelf";

    private PresentedToken() {}

    /**
     * @return empty when the request carries no token; a blank string when it carries a header that is not a usable
     *     token (which then fails as unknown)
     */
    static Optional<String> from(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return Optional.of(fromAuthorization(authorization.trim()));
        }
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.trim());
        }
        return GELF_PATH.equals(request.getRequestURI()) ? queryToken(request.getQueryString()) : Optional.empty();
    }

    private static Optional<String> queryToken(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("token=")) {
                try {
                    return Optional.of(URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of("");
                }
            }
        }
        return Optional.empty();
    }

    private static String fromAuthorization(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return "";
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = header.substring(space + 1).trim();
        return switch (scheme) {
            case "token", "bearer", "apikey" -> credentials;
            case "basic" -> basicPassword(credentials);
            default -> "";
        };
    }

    /** Basic with the token as the password; a client that can fill only the user name may put it there. */
    private static String basicPassword(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return decoded;
        }
        String password = decoded.substring(colon + 1);
        return password.isEmpty() ? decoded.substring(0, colon) : password;
    }
}
