package io.logcentral.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "logs")
class LogEntity {

    /** Assigned by the one writer, so that Hibernate can batch the inserts (an identity column would not let it). */
    @Id
    private Long id;

    @Column(name = "ts", nullable = false)
    @Convert(converter = EpochMicrosConverter.class)
    private Instant timestamp;

    @Column(name = "received_at", nullable = false)
    @Convert(converter = EpochMicrosConverter.class)
    private Instant receivedAt;

    @Column(nullable = false)
    private String service;

    @Enumerated(EnumType.ORDINAL)
    @Column(nullable = false)
    private Severity severity;

    @Column(nullable = false)
    private String message;

    private String requestId;
    private String traceId;
    private String spanId;
    private String host;

    @Column(nullable = false)
    private String attributes;

    protected LogEntity() {}

    LogEntity(long id, NewLog log) {
        this.id = id;
        this.timestamp = log.timestamp();
        this.receivedAt = log.receivedAt();
        this.service = log.service();
        this.severity = log.severity();
        this.message = log.message();
        this.requestId = log.requestId();
        this.traceId = log.traceId();
        this.spanId = log.spanId();
        this.host = log.host();
        this.attributes = log.attributesJson();
    }
}
