package io.logcentral.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /admin/tokens}: managed tokens, and the static ones of configuration listed read-only. */
@RestController
@RequestMapping("/admin/tokens")
class TokenController {

    /** The old secret's grace after a rotation when {@code ?grace=} is not given. */
    static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    private static final Duration MAX_GRACE = Duration.ofDays(30);

    private final TokenService tokens;
    private final JsonMapper json;

    TokenController(TokenService tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list();
    }

    @PostMapping
    ResponseEntity<TokenView.Created> create(HttpServletRequest request) {
        TokenView.Created created = tokens.create(TokenRequests.read(request, json));
        return ResponseEntity.created(
                        URI.create("/admin/tokens/" + created.view().name()))
                .body(created);
    }

    /** {@code ?grace=} how long the old secret keeps working: {@code 30s}, {@code 10m}, {@code 1h}; {@code 0} none. */
    @PostMapping("/{name}/rotate")
    TokenView.Created rotate(@PathVariable String name, @RequestParam(required = false) String grace) {
        return tokens.rotate(name, grace(grace));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String name) {
        tokens.revoke(name);
    }

    private static Duration grace(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_GRACE;
        }
        Duration grace;
        try {
            grace = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenRequestException("grace", "grace must be a duration such as 30s, 10m or 1h");
        }
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new InvalidTokenRequestException("grace", "grace must be between 0 and 30d");
        }
        return grace;
    }
}
