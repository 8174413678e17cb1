package io.logcentral.alert;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Channels as the admin API and configuration change them. */
@Service
@Transactional
class ChannelService {

    private final ChannelRepository channels;
    private final Clock clock;

    ChannelService(ChannelRepository channels, Clock clock) {
        this.channels = channels;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ChannelView> list() {
        return channels.findAll().stream().map(ChannelView::of).toList();
    }

    @Transactional(readOnly = true)
    ChannelView get(String name) {
        return ChannelView.of(find(name));
    }

    ChannelView create(JsonNode body) {
        ChannelRequests.Parsed parsed = ChannelRequests.parse(body, Map.of());
        if (parsed.name() == null) {
            throw new InvalidAlertException("name", "is required");
        }
        if (channels.existsById(parsed.name())) {
            throw new NameTakenException(parsed.name());
        }
        return ChannelView.of(
                channels.save(new Channel(parsed.name(), parsed.type(), parsed.settings(), clock.millis())));
    }

    ChannelView update(String name, JsonNode body) {
        Channel channel = find(name);
        ChannelRequests.Parsed parsed = ChannelRequests.parse(body, channel.settings());
        if (parsed.name() != null && !parsed.name().equals(name)) {
            throw new InvalidAlertException("name", "a channel is renamed by deleting it and creating another");
        }
        channel.define(parsed.type(), parsed.settings(), clock.millis());
        return ChannelView.of(channels.saveAndFlush(channel));
    }

    /** Creates the channel of that name, or replaces its settings: for channels kept in configuration. */
    void put(String name, JsonNode body) {
        if (channels.existsById(name)) {
            update(name, body);
        } else {
            create(body);
        }
    }

    void delete(String name) {
        channels.delete(find(name));
    }

    private Channel find(String name) {
        return channels.findById(name).orElseThrow(() -> new AlertNotFoundException("channel " + name));
    }
}
