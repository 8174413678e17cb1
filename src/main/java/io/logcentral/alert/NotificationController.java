package io.logcentral.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.logcentral.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/notifications}: the outbox as history, newest first. */
@RestController
class NotificationController {

    private static final int MAX_LIMIT = 1000;

    private final NotificationRepository notifications;

    NotificationController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** One notification; {@code suppressed} is the "and N more" it carried. */
    record NotificationView(
            long id,
            String rule,
            String channel,
            String status,
            int attempts,
            int suppressed,
            @JsonProperty("log_id") Long logId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("next_attempt_at") String nextAttemptAt,
            @JsonProperty("sent_at") String sentAt,
            String error) {

        static NotificationView of(Notification n) {
            return new NotificationView(
                    n.id(),
                    n.ruleName(),
                    n.channel(),
                    n.status().name(),
                    n.attempts(),
                    n.suppressed(),
                    n.logId(),
                    time(n.createdAt()),
                    n.status() == Notification.Status.pending ? time(n.nextAttemptAt()) : null,
                    n.sentAt() == null ? null : time(n.sentAt()),
                    n.lastError());
        }

        private static String time(long millis) {
            return Timestamps.format(Instant.ofEpochMilli(millis));
        }
    }

    @GetMapping("/admin/notifications")
    @Transactional(readOnly = true)
    List<NotificationView> history(@RequestParam(defaultValue = "100") int limit) {
        int clamped = Math.max(1, Math.min(limit, MAX_LIMIT));
        return notifications.findNewest(clamped).stream()
                .map(NotificationView::of)
                .toList();
    }
}
