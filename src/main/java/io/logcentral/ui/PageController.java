package io.logcentral.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} for a browser ({@code Accept: text/html}): the web page. API clients get the JSON welcome of ops,
 * which maps the same path without {@code produces}, so content negotiation picks between the two.
 */
@RestController
class PageController {

    private final String page;

    PageController() {
        try {
            this.page = new ClassPathResource("static/ui/index.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the web page is missing from the jar", e);
        }
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return page;
    }
}
