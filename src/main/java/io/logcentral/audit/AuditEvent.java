package io.logcentral.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One admin action: who (the token's name), what (method, path, target, outcome), when and from where. */
@Entity
@Table(name = "audit_events")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long at;

    private String tokenName;

    private String method;

    private String path;

    private @Nullable String target;

    private int status;

    private @Nullable String remoteAddress;

    protected AuditEvent() {}

    AuditEvent(
            long at,
            String tokenName,
            String method,
            String path,
            @Nullable String target,
            int status,
            @Nullable String remoteAddress) {
        this.at = at;
        this.tokenName = tokenName;
        this.method = method;
        this.path = path;
        this.target = target;
        this.status = status;
        this.remoteAddress = remoteAddress;
    }

    Long id() {
        return id;
    }

    long at() {
        return at;
    }

    String tokenName() {
        return tokenName;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    @Nullable
    String target() {
        return target;
    }

    int status() {
        return status;
    }

    @Nullable
    String remoteAddress() {
        return remoteAddress;
    }
}
