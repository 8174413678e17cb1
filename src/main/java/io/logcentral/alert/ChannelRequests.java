package io.logcentral.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON of a channel: {@code {"name","type", ...its settings}}. A secret sent back as {@code "***"} (as the
 * API shows it) keeps the stored value, so a channel read, edited and put back keeps working.
 */
final class ChannelRequests {

    static final String MASK = "***";

    /** Names go into paths and thread names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A channel as sent, checked. */
    record Parsed(String name, ChannelType type, Map<String, String> settings) {}

    private ChannelRequests() {}

    static Parsed parse(JsonNode body, Map<String, String> stored) {
        if (body == null || !body.isObject()) {
            throw new InvalidAlertException("body", "must be a JSON object");
        }
        String name = text(body, "name");
        if (name != null && !NAME.matcher(name).matches()) {
            throw new InvalidAlertException("name", "letters, digits, '.', '_' and '-', at most 64");
        }
        String typeName = text(body, "type");
        if (typeName == null) {
            throw new InvalidAlertException("type", "is required: webhook, slack, telegram or email");
        }
        ChannelType type = ChannelType.parse(typeName)
                .orElseThrow(() -> new InvalidAlertException("type", "webhook, slack, telegram or email"));
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = field.getKey();
            if (key.equals("name") || key.equals("type")) {
                continue;
            }
            if (!type.takes(key)) {
                throw new InvalidAlertException(key, "unknown field for a " + type.label() + " channel");
            }
            String value = setting(key, field.getValue());
            if (value != null) {
                settings.put(key, type.isSecret(key) && value.equals(MASK) ? stored.get(key) : value);
            }
        }
        for (String key : type.required()) {
            if (settings.get(key) == null || settings.get(key).isBlank()) {
                throw new InvalidAlertException(key, "is required for a " + type.label() + " channel");
            }
        }
        checkUrl("url", settings.get("url"));
        checkUrl("api_url", settings.get("api_url"));
        if (settings.containsKey("port") && !settings.get("port").matches("\\d{1,5}")) {
            throw new InvalidAlertException("port", "must be a port number");
        }
        settings.values().removeIf(v -> v == null);
        return new Parsed(name, type, settings);
    }

    /** The settings as the API shows them: secrets masked. */
    static Map<String, String> masked(Channel channel) {
        Map<String, String> shown = new LinkedHashMap<>();
        channel.settings().forEach((key, value) -> shown.put(key, channel.type().isSecret(key) ? MASK : value));
        return shown;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank()) {
            throw new InvalidAlertException(field, "must be a non-empty string");
        }
        return node.stringValue().trim();
    }

    /** A string, number or boolean; {@code to} may be a list of addresses too. */
    private static String setting(String key, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isArray() && key.equals("to")) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value.values()) {
                joined.append(joined.isEmpty() ? "" : ",").append(setting(key, item));
            }
            return joined.toString();
        }
        if (!value.isValueNode()) {
            throw new InvalidAlertException(key, "must be a string");
        }
        return value.asString().trim();
    }

    private static void checkUrl(String field, String url) {
        if (url == null || url.equals(MASK)) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new InvalidAlertException(field, "must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidAlertException(field, "must be an absolute http or https URL");
        }
    }
}
