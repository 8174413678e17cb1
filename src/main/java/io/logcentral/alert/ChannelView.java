package io.logcentral.alert;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.logcentral.storage.Timestamps;
import java.time.Instant;
import java.util.Map;

/** A channel as the admin API shows it: its settings beside name and type, secrets as {@code "***"}. */
record ChannelView(
        String name,
        String type,
        @JsonAnyGetter Map<String, String> settings,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {

    static ChannelView of(Channel channel) {
        return new ChannelView(
                channel.name(),
                channel.type().label(),
                ChannelRequests.masked(channel),
                Timestamps.format(Instant.ofEpochMilli(channel.createdAt())),
                Timestamps.format(Instant.ofEpochMilli(channel.updatedAt())));
    }
}
