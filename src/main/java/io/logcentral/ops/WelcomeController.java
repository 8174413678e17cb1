package io.logcentral.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: a short page for a browser, a JSON welcome with a usage hint for everything else. */
@RestController
class WelcomeController {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>logcentral</title>
            <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
            code,pre{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}</style></head>
            <body>
            <h1>logcentral</h1>
            <p>A central log server. Send logs and read them back with a token:</p>
            <pre>curl -X POST http://HOST/logs -H 'Authorization: Token &lt;token&gt;' \\
              -H 'Content-Type: application/json' \\
              -d '{"service":"api","severity":"ERROR","message":"payment failed"}'

            curl 'http://HOST/logs?service=api&amp;since=1h' -H 'Authorization: Token &lt;token&gt;'</pre>
            <p>Health: <a href="/health">/health</a>.</p>
            </body>
            </html>
            """;

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return PAGE;
    }

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
