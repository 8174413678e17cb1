package io.logcentral.auth;

import io.logcentral.storage.Timestamps;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code POST /admin/tokens}: {@code {"name","scopes":[..],"service"?,"expires_at"?,"requests_per_second"?,
 * "logs_per_second"?}}, naming the first field that is wrong. The body is read with a small bound of its own: the
 * ingest gate cannot guard it, as ingest itself depends on this module.
 */
final class TokenRequests {

    /** A token request is a few hundred bytes; anything near this is not one. */
    static final int MAX_BODY = 16 * 1024;

    private static final int MAX_NAME = 64;

    private TokenRequests() {}

    static TokenRequest read(HttpServletRequest request, JsonMapper json) {
        JsonNode body;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new InvalidTokenRequestException("body", "a token request is at most " + MAX_BODY + " bytes");
            }
            body = json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new InvalidTokenRequestException("body", "the body is not valid JSON");
        }
        return parse(body);
    }

    static TokenRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidTokenRequestException("body", "the body must be a JSON object");
        }
        String name = text(body, "name");
        if (name == null
                || name.length() > MAX_NAME
                || !TokenRegistry.NAME.matcher(name).matches()) {
            throw new InvalidTokenRequestException(
                    "name", "name is required: lowercase letters, digits and '-', at most " + MAX_NAME);
        }
        return new TokenRequest(
                name,
                scopes(body.get("scopes")),
                text(body, "service"),
                expiresAt(text(body, "expires_at")),
                new TokenLimits(perSecond(body, "requests_per_second"), perSecond(body, "logs_per_second")));
    }

    private static Set<Scope> scopes(JsonNode node) {
        String wanted = "scopes is required: a non-empty list of ingest, read, admin";
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidTokenRequestException("scopes", wanted);
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (JsonNode item : node.values()) {
            try {
                scopes.add(Scope.valueOf(item.asString().trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidTokenRequestException("scopes", wanted);
            }
        }
        return scopes;
    }

    private static Long expiresAt(String text) {
        if (text == null) {
            return null;
        }
        return Timestamps.parse(text)
                .map(instant -> instant.toEpochMilli())
                .orElseThrow(() -> new InvalidTokenRequestException(
                        "expires_at", "expires_at must be an ISO-8601 time, such as 2030-01-01T00:00:00Z"));
    }

    private static Long perSecond(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw new InvalidTokenRequestException(field, field + " must be a whole number of at least 1");
        }
        return node.asLong();
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new InvalidTokenRequestException(field, field + " must be a non-empty string");
        }
        return node.stringValue().trim();
    }
}
