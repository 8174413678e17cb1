package io.logcentral.alert;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored channel: where notifications go, with its settings (secrets included, never shown). */
@Entity
@Table(name = "alert_channels")
class Channel {

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    private ChannelType type;

    @Convert(converter = JsonColumns.StringMap.class)
    private Map<String, String> settings;

    private long createdAt;

    private long updatedAt;

    protected Channel() {}

    Channel(String name, ChannelType type, Map<String, String> settings, long now) {
        this.name = name;
        this.createdAt = now;
        define(type, settings, now);
    }

    void define(ChannelType type, Map<String, String> settings, long now) {
        this.type = type;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.updatedAt = now;
    }

    String name() {
        return name;
    }

    ChannelType type() {
        return type;
    }

    Map<String, String> settings() {
        return settings;
    }

    long createdAt() {
        return createdAt;
    }

    long updatedAt() {
        return updatedAt;
    }
}
