package io.logcentral.ops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} for API clients: a JSON welcome with a usage hint, or Elasticsearch's version answer for an
 * Elasticsearch client. Browsers get the web page (module ui).
 */
@RestController
class WelcomeController {

    @GetMapping("/")
    ResponseEntity<Map<String, Object>> welcome(HttpServletRequest request) {
        return ElasticsearchInfo.asks(request) ? ElasticsearchInfo.answer(request) : ResponseEntity.ok(body());
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "logcentral");
        body.put("message", "Welcome to logcentral, a central log server.");
        body.put(
                "hint",
                "POST /logs with 'Authorization: Token <token>' and a JSON log such as "
                        + "{\"service\":\"api\",\"severity\":\"ERROR\",\"message\":\"payment failed\"}; "
                        + "read them back with GET /logs?service=api&since=1h");
        body.put("endpoints", List.of("POST /logs", "GET /logs", "GET /logs/{id}", "GET /metrics", "GET /health"));
        return body;
    }
}
