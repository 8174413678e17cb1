package io.logcentral.alert;

import io.logcentral.storage.NewLog;
import io.logcentral.storage.Timestamps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts notifications in the store before anything is sent, one row per channel, then hands them to the sender: a
 * crash between the two leaves pending rows that the next start sends.
 */
@Component
class Outbox {

    private final NotificationRepository notifications;
    private final ChannelRepository channels;
    private final TransactionTemplate transactions;
    private final OutboxSender sender;
    private final Links links;
    private final AlertMetrics metrics;
    private final Clock clock;

    Outbox(
            NotificationRepository notifications,
            ChannelRepository channels,
            TransactionTemplate transactions,
            OutboxSender sender,
            Links links,
            AlertMetrics metrics,
            Clock clock) {
        this.notifications = notifications;
        this.channels = channels;
        this.transactions = transactions;
        this.sender = sender;
        this.links = links;
        this.metrics = metrics;
        this.clock = clock;
    }

    void enqueue(List<Throttle.Fire> fires) {
        List<Addressed> messages = fires.stream()
                .map(fire -> new Addressed(message(fire), fire.match().rule().channels()))
                .toList();
        store(messages);
    }

    /** A notification that tries the rule's channels now; the ids of what was queued. */
    List<Long> test(String rule, List<String> ruleChannels) {
        String now = Timestamps.format(clock.instant());
        AlertMessage message = new AlertMessage(
                rule, "logcentral", "INFO", "test notification of rule " + rule, now, null, null, 0, true);
        return store(List.of(new Addressed(message, ruleChannels)));
    }

    private List<Long> store(List<Addressed> messages) {
        List<Queued> queued = transactions.execute(status -> {
            Map<String, Channel> existing =
                    channels.findAll().stream().collect(Collectors.toMap(Channel::name, channel -> channel));
            long now = clock.millis();
            List<Queued> rows = new ArrayList<>();
            for (Addressed addressed : messages) {
                String payload = JsonColumns.JSON.writeValueAsString(addressed.message());
                List<String> names = addressed.channels().isEmpty()
                        ? List.copyOf(existing.keySet())
                        : addressed.channels().stream().distinct().toList();
                for (String name : names) {
                    Channel channel = existing.get(name);
                    if (channel != null) {
                        Notification row = notifications.save(
                                new Notification(addressed.message(), name, payload, now, now + sender.leaseMillis()));
                        rows.add(new Queued(row.id(), channel, addressed.message()));
                    }
                }
            }
            return rows;
        });
        metrics.queued(queued.size());
        queued.forEach(q -> sender.sendNow(q.id(), q.channel(), q.message()));
        return queued.stream().map(Queued::id).toList();
    }

    private AlertMessage message(Throttle.Fire fire) {
        NewLog log = fire.match().log();
        long id = fire.match().logId();
        return new AlertMessage(
                fire.match().rule().name(),
                log.service(),
                log.severity().name(),
                log.message(),
                Timestamps.format(log.timestamp()),
                id,
                links.log(id),
                fire.more(),
                false);
    }

    private record Addressed(AlertMessage message, List<String> channels) {}

    private record Queued(long id, Channel channel, AlertMessage message) {}
}
