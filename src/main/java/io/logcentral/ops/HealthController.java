package io.logcentral.ops;

import io.logcentral.auth.Scope;
import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.StoreStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: open and minimal for load balancers; details only for a token with the read scope. */
@RestController
class HealthController {

    private final StoreStatus store;
    private final String version;

    HealthController(StoreStatus store, org.springframework.beans.factory.ObjectProvider<BuildProperties> build) {
        this.store = store;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health(@AuthenticationPrincipal TokenPrincipal principal) {
        boolean up = store.isUp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        if (principal != null && principal.scopes().contains(Scope.READ)) {
            body.put("version", version);
            body.put("store", Map.of("kind", store.kind(), "up", up, "size_bytes", store.sizeBytes()));
        }
        if (up) {
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(body);
    }
}
