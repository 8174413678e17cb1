package io.logcentral.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /} as Elasticsearch answers it, for the Elasticsearch clients and shippers that ask a server for its
 * version before they send a bulk (Logstash, Vector, Beats, the official clients' {@code info()}). They are told apart
 * from browsers and curl by what only they send: the {@code X-Elastic-Client-Meta} header of the official clients,
 * Elasticsearch's own media type, {@code ApiKey} authorization, or a shipper's user agent.
 */
final class ElasticsearchInfo {

    /**
     * An 8.x version: the bulk subset logcentral speaks is 8's (no {@code _type}, {@code compatible-with=8}), and the
     * shippers pick their request shapes from the major number. 8.17 is the 8.x line's long-lived release.
     */
    static final String VERSION = "8.17.0";

    private static final MediaType COMPATIBLE = MediaType.parseMediaType("application/vnd.elasticsearch+json");
    private static final List<String> SHIPPER_AGENTS =
            List.of("elasticsearch", "elastic-", "go-elasticsearch", "logstash", "vector/", "fluent-bit", "syslog-ng");

    private ElasticsearchInfo() {}

    static boolean asks(HttpServletRequest request) {
        String accept = header(request, "Accept");
        String authorization = header(request, "Authorization");
        String agent = header(request, "User-Agent").toLowerCase(Locale.ROOT);
        return !header(request, "X-Elastic-Client-Meta").isEmpty()
                || accept.contains("vnd.elasticsearch+json")
                || header(request, "Content-Type").contains("vnd.elasticsearch+json")
                || authorization.regionMatches(true, 0, "ApiKey ", 0, 7)
                || SHIPPER_AGENTS.stream().anyMatch(agent::startsWith);
    }

    /**
     * The answer with {@code X-Elastic-Product}, which the official clients require on every success; in
     * Elasticsearch's own media type when the client asked for it, as Elasticsearch does.
     */
    static ResponseEntity<Map<String, Object>> answer(HttpServletRequest request) {
        MediaType type = header(request, "Accept").contains("vnd.elasticsearch+json")
                ? new MediaType(COMPATIBLE, Map.of("compatible-with", "8"))
                : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok()
                .header("X-Elastic-Product", "Elasticsearch")
                .contentType(type)
                .body(body());
    }

    private static Map<String, Object> body() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("number", VERSION);
        version.put("build_flavor", "default");
        version.put("build_type", "logcentral");
        version.put("build_snapshot", false);
        version.put("lucene_version", "9.12.0");
        version.put("minimum_wire_compatibility_version", "7.17.0");
        version.put("minimum_index_compatibility_version", "7.0.0");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "logcentral");
        body.put("cluster_name", "logcentral");
        body.put("cluster_uuid", "logcentral");
        body.put("version", version);
        body.put("tagline", "You Know, for Search");
        return body;
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "" : value;
    }
}
