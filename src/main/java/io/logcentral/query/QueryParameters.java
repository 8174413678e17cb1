package io.logcentral.query;

import io.logcentral.auth.TokenPrincipal;
import io.logcentral.storage.LogQuery;
import io.logcentral.storage.Severity;
import io.logcentral.storage.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/** Reads the filters of {@code GET /logs} into a {@link LogQuery}; a value that cannot mean anything is a 400. */
final class QueryParameters {

    private static final Pattern SINCE = Pattern.compile("(\\d{1,9})\\s*([smhdw])");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final String ATTRIBUTE_PREFIX = "attr.";
    /** The oldest timestamp a log can have (storage's Timestamps): a start before it cannot be held in microseconds. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private final MultiValueMap<String, String> params;

    private QueryParameters(MultiValueMap<String, String> params) {
        this.params = params;
    }

    /** The query for one page; it fetches one log more than the page, to learn whether another page follows. */
    static LogQuery read(
            MultiValueMap<String, String> params, TokenPrincipal principal, QueryProperties limits, Instant now) {
        QueryParameters p = new QueryParameters(params);
        return new LogQuery(
                latest(p.time("timestamp_start"), p.since(now)),
                p.time("timestamp_end"),
                p.time("received_at_start"),
                p.time("received_at_end"),
                p.services(principal),
                p.severities(),
                p.text("q"),
                p.text("request_id"),
                p.text("trace_id"),
                p.attributes(),
                p.text("cursor") == null ? null : Cursor.decode(p.text("cursor")),
                p.ascending(),
                p.limit(limits) + 1,
                p.offset(limits));
    }

    /** The {@code limit} as asked, unclamped, for an export; null when not given. */
    static Long requestedLimit(MultiValueMap<String, String> params) {
        Long limit = new QueryParameters(params).wholeNumber("limit");
        return limit == null ? null : Math.max(1, limit);
    }

    private String text(String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Instant time(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return Timestamps.parse(value)
                .orElseThrow(() -> new BadParameterException(
                        name, "unreadable time '" + value + "': use ISO-8601, a date, or epoch seconds or millis"));
    }

    private Instant since(Instant now) {
        String value = text("since");
        if (value == null) {
            return null;
        }
        Matcher m = SINCE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadParameterException("since", "use a number and a unit, like 15m, 1h, 24h or 7d");
        }
        long amount = Long.parseLong(m.group(1));
        Duration span = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
        Instant start = now.minus(span);
        if (start.isBefore(EARLIEST)) {
            throw new BadParameterException("since", "'" + value + "' reaches back before the year 1");
        }
        return start;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    /** Repeated parameters and comma lists alike; an empty value is no filter. */
    private List<String> values(String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            for (String value : params.getOrDefault(name, List.of())) {
                Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .forEach(values::add);
            }
        }
        return values;
    }

    /** A token bound to a service reads only that service, whatever else is asked. */
    private List<String> services(TokenPrincipal principal) {
        List<String> asked = values("service");
        if (!principal.isBound()) {
            return asked.isEmpty() ? null : asked;
        }
        boolean allowed = asked.isEmpty() || asked.stream().anyMatch(principal::mayUse);
        return allowed ? List.of(principal.service()) : List.of();
    }

    /** Names are read as on ingest; an unknown one matches nothing, so a typo gives an empty page, not everything. */
    private Set<Severity> severities() {
        List<String> asked = values("severity", "level");
        Set<Severity> wanted = null;
        if (!asked.isEmpty()) {
            wanted = EnumSet.noneOf(Severity.class);
            for (String name : asked) {
                Severity.parse(name).ifPresent(wanted::add);
            }
        }
        String min = text("min_severity");
        if (min == null) {
            return wanted;
        }
        Set<Severity> atLeast = Severity.parse(min)
                .map(s -> EnumSet.range(s, Severity.CRITICAL))
                .orElse(EnumSet.noneOf(Severity.class));
        if (wanted != null) {
            atLeast.retainAll(wanted);
        }
        return atLeast;
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            if (name.startsWith(ATTRIBUTE_PREFIX) && name.length() > ATTRIBUTE_PREFIX.length() && !value.isEmpty()) {
                attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
            }
        });
        return attributes;
    }

    private boolean ascending() {
        String order = text("order");
        if (order == null || order.equalsIgnoreCase("desc")) {
            return false;
        }
        if (order.equalsIgnoreCase("asc")) {
            return true;
        }
        throw new BadParameterException("order", "use asc or desc");
    }

    private int limit(QueryProperties limits) {
        Long limit = wholeNumber("limit");
        if (limit == null) {
            return limits.defaultPageSize();
        }
        return (int) Math.max(1, Math.min(limits.maxPageSize(), limit));
    }

    /** Each log skipped is read and dropped, so a deep offset costs as much as reading every page before it. */
    private long offset(QueryProperties limits) {
        Long offset = wholeNumber("offset");
        if (offset != null && offset > limits.maxOffset()) {
            throw new BadParameterException(
                    "offset",
                    "at most " + limits.maxOffset() + " (logcentral.query.max-offset):"
                            + " page further with the cursor of the Link header");
        }
        return offset == null ? 0 : Math.max(0, offset);
    }

    private Long wholeNumber(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new BadParameterException(name, "'" + value + "' is not a whole number");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLong) {
            return value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
