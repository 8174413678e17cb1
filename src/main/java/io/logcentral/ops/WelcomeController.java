package io.logcentral.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} for API clients: a JSON welcome with a usage hint. Browsers get the web page (module ui). */
@RestController
class WelcomeController {

    @GetMapping("/")
    Map<String, Object> welcome() {
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
