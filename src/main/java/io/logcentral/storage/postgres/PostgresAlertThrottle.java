package io.logcentral.storage.postgres;

import io.logcentral.storage.AlertThrottleStore;
import io.logcentral.storage.Severity;
import io.logcentral.storage.StoreUnavailableException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Alert cooldowns and windows in the database, shared by every replica on it (tables of V3). Each call is one
 * statement, and each decision is made by the row it concerns: a cooldown is taken by the INSERT ... ON CONFLICT that
 * finds it free, under that row's lock, so of two replicas offering the same burst one tells it and the other counts
 * it as held. Statements lock rows in key order, so two replicas offering the same keys wait for each other rather
 * than deadlock; the sweeps skip rows another replica holds.
 *
 * <p>Decisions use the database's clock ({@code now()}), so replicas agree on when a cooldown ends whatever their own
 * clocks say; only a test's clock, put in place of the system clock, is used instead (see {@link AlertThrottleStore}).
 */
@Component
@PostgresStore
class PostgresAlertThrottle implements AlertThrottleStore {

    /** Rows a sweep takes at once; the next sweep takes the rest. */
    static final int SWEEP_ROWS = 1000;
    /** Quiet cooldowns and windows past their length are deleted this often: they only cost space. */
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    /** The database's clock, unless the one parameter it takes gives the server's (epoch microseconds). */
    private static final String NOW = "coalesce(timestamptz 'epoch' + ?::bigint * interval '1 microsecond', now())";

    private static final String ADD_TO_WINDOWS = "WITH t AS (SELECT floor(extract(epoch FROM " + NOW
            + "))::bigint AS s),"
            + " i AS (SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[])"
            + " AS i(rule_id, service, n, window_s)),"
            + " added AS (INSERT INTO alert_windows AS w (rule_id, service, at_second, matches, expires)"
            + " SELECT i.rule_id, i.service, t.s, i.n, t.s + i.window_s FROM i, t ORDER BY i.rule_id, i.service"
            + " ON CONFLICT (rule_id, service, at_second) DO UPDATE"
            + " SET matches = w.matches + excluded.matches, expires = greatest(w.expires, excluded.expires)"
            + " RETURNING rule_id, service, matches)"
            // The statement's snapshot has the earlier seconds; this second's total comes from the row just updated.
            + " SELECT a.rule_id, a.service, a.matches + coalesce((SELECT sum(w.matches) FROM alert_windows w"
            + " WHERE w.rule_id = a.rule_id AND w.service = a.service"
            + " AND w.at_second > t.s - i.window_s AND w.at_second < t.s), 0)"
            + " FROM added a JOIN i ON i.rule_id = a.rule_id AND i.service = a.service, t";

    private static final String FREE = "c.quiet_until <= " + NOW;

    /**
     * A free cooldown (none yet, or ended) is taken: its first match is told, with what the ended one still held, and
     * a new one starts. A running one counts the matches as held. {@code claim_xact} says which transaction took it.
     */
    private static final String OFFER = "INSERT INTO alert_cooldowns AS c"
            + " (rule_id, service, severity, quiet_until, cooldown_us, held, latest_log_id, claim_xact, claim_more)"
            + " SELECT i.rule_id, i.service, i.severity, " + NOW + " + i.cooldown_us * interval '1 microsecond',"
            + " i.cooldown_us, i.n - 1, i.latest, txid_current(), 0"
            + " FROM unnest(?::bigint[], ?::text[], ?::smallint[], ?::int[], ?::bigint[], ?::bigint[])"
            + " WITH ORDINALITY AS i(rule_id, service, severity, n, latest, cooldown_us, ord)"
            + " ORDER BY i.ord"
            + " ON CONFLICT (rule_id, service, severity) DO UPDATE SET"
            + " held = CASE WHEN " + FREE + " THEN excluded.held ELSE c.held + excluded.held + 1 END,"
            + " latest_log_id = CASE WHEN " + FREE + " THEN excluded.latest_log_id"
            + " ELSE greatest(c.latest_log_id, excluded.latest_log_id) END,"
            + " claim_more = CASE WHEN " + FREE + " THEN c.held ELSE c.claim_more END,"
            + " claim_xact = CASE WHEN " + FREE + " THEN excluded.claim_xact ELSE c.claim_xact END,"
            + " quiet_until = CASE WHEN " + FREE + " THEN excluded.quiet_until ELSE c.quiet_until END,"
            + " cooldown_us = excluded.cooldown_us"
            + " RETURNING rule_id, service, severity, claim_xact = txid_current(), claim_more";

    /** Ended cooldowns holding matches: each is taken by one replica, which starts the cooldown of its summary. */
    private static final String TAKE_ENDED = "WITH due AS (SELECT rule_id, service, severity, held, latest_log_id"
            + " FROM alert_cooldowns WHERE quiet_until <= " + NOW + " AND held > 0 AND rule_id = ANY(?::bigint[])"
            + " ORDER BY rule_id, service, severity LIMIT " + SWEEP_ROWS + " FOR UPDATE SKIP LOCKED)"
            + " UPDATE alert_cooldowns c SET quiet_until = " + NOW
            + " + c.cooldown_us * interval '1 microsecond', held = 0"
            + " FROM due WHERE c.rule_id = due.rule_id AND c.service = due.service AND c.severity = due.severity"
            + " RETURNING c.rule_id, c.service, c.severity, due.held, due.latest_log_id";

    private static final String PRUNE_COOLDOWNS = "DELETE FROM alert_cooldowns c USING"
            + " (SELECT rule_id, service, severity FROM alert_cooldowns WHERE quiet_until <= " + NOW + " AND held = 0"
            + " LIMIT " + SWEEP_ROWS + " FOR UPDATE SKIP LOCKED) d"
            + " WHERE c.rule_id = d.rule_id AND c.service = d.service AND c.severity = d.severity";

    private static final String PRUNE_WINDOWS = "DELETE FROM alert_windows w USING"
            + " (SELECT rule_id, service, at_second FROM alert_windows"
            + " WHERE expires <= floor(extract(epoch FROM " + NOW + "))::bigint"
            + " LIMIT " + SWEEP_ROWS + " FOR UPDATE SKIP LOCKED) d"
            + " WHERE w.rule_id = d.rule_id AND w.service = d.service AND w.at_second = d.at_second";

    private static final String FORGET_COOLDOWNS = "DELETE FROM alert_cooldowns c USING"
            + " (SELECT rule_id, service, severity FROM alert_cooldowns WHERE rule_id = ANY(?::bigint[])"
            + " FOR UPDATE SKIP LOCKED) d"
            + " WHERE c.rule_id = d.rule_id AND c.service = d.service AND c.severity = d.severity";

    private static final String FORGET_WINDOWS = "DELETE FROM alert_windows w USING"
            + " (SELECT rule_id, service, at_second FROM alert_windows WHERE rule_id = ANY(?::bigint[])"
            + " FOR UPDATE SKIP LOCKED) d"
            + " WHERE w.rule_id = d.rule_id AND w.service = d.service AND w.at_second = d.at_second";

    private record CooldownKey(long rule, String service, Severity severity) {}

    private record WindowKey(long rule, String service) {}

    private final DataSource domain;
    private final Clock clock;
    /** Whether the server's clock is the system's, so the database's clock stands for it. */
    private final boolean databaseClock;

    private Instant nextPrune = Instant.MIN;

    PostgresAlertThrottle(DataSource domain, Clock clock) {
        this.domain = domain;
        this.clock = clock;
        this.databaseClock = clock.equals(Clock.systemUTC());
    }

    @Override
    public long[] addToWindows(List<WindowAdd> adds) {
        if (adds.isEmpty()) {
            return new long[0];
        }
        return run(connection -> {
            Long now = serverClock();
            try (PreparedStatement add = connection.prepareStatement(ADD_TO_WINDOWS)) {
                add.setObject(1, now, Types.BIGINT);
                add.setArray(2, array(connection, "int8", adds.stream().map(WindowAdd::rule)));
                add.setArray(3, array(connection, "text", adds.stream().map(WindowAdd::service)));
                add.setArray(4, array(connection, "int8", adds.stream().map(a -> (long) a.count())));
                add.setArray(5, array(connection, "int8", adds.stream().map(a -> seconds(a.window()))));
                Map<WindowKey, Long> totals = new HashMap<>();
                try (ResultSet rows = add.executeQuery()) {
                    while (rows.next()) {
                        totals.put(new WindowKey(rows.getLong(1), rows.getString(2)), rows.getLong(3));
                    }
                }
                long[] counts = new long[adds.size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = totals.get(
                            new WindowKey(adds.get(i).rule(), adds.get(i).service()));
                }
                return counts;
            }
        });
    }

    @Override
    public List<Claim> offer(List<Offer> offers) {
        if (offers.isEmpty()) {
            return List.of();
        }
        // Rows are locked in this order by every replica, so two offering the same keys never deadlock.
        List<Offer> sorted = offers.stream()
                .sorted(Comparator.comparingLong(Offer::rule)
                        .thenComparing(Offer::service)
                        .thenComparing(Offer::severity))
                .toList();
        return run(connection -> {
            Long now = serverClock();
            try (PreparedStatement offer = connection.prepareStatement(OFFER)) {
                int p = 1;
                offer.setObject(p++, now, Types.BIGINT);
                offer.setArray(p++, array(connection, "int8", sorted.stream().map(Offer::rule)));
                offer.setArray(p++, array(connection, "text", sorted.stream().map(Offer::service)));
                offer.setArray(p++, array(connection, "int2", sorted.stream().map(o ->
                        (short) o.severity().ordinal())));
                offer.setArray(p++, array(connection, "int4", sorted.stream().map(Offer::count)));
                offer.setArray(p++, array(connection, "int8", sorted.stream().map(Offer::latestLogId)));
                offer.setArray(p++, array(connection, "int8", sorted.stream().map(o -> micros(o.cooldown()))));
                for (int free = 0; free < 5; free++) {
                    offer.setObject(p++, now, Types.BIGINT);
                }
                Map<CooldownKey, Claim> claims = new HashMap<>();
                try (ResultSet rows = offer.executeQuery()) {
                    while (rows.next()) {
                        claims.put(
                                new CooldownKey(
                                        rows.getLong(1), rows.getString(2), Severity.values()[rows.getShort(3)]),
                                rows.getBoolean(4) ? new Claim(true, rows.getInt(5)) : new Claim(false, 0));
                    }
                }
                return offers.stream()
                        .map(o -> claims.get(new CooldownKey(o.rule(), o.service(), o.severity())))
                        .toList();
            }
        });
    }

    @Override
    public List<Ended> takeEnded(Set<Long> rules) {
        return run(connection -> {
            Long now = serverClock();
            List<Ended> ended = new ArrayList<>();
            if (!rules.isEmpty()) {
                try (PreparedStatement take = connection.prepareStatement(TAKE_ENDED)) {
                    take.setObject(1, now, Types.BIGINT);
                    take.setArray(2, array(connection, "int8", rules.stream()));
                    take.setObject(3, now, Types.BIGINT);
                    try (ResultSet rows = take.executeQuery()) {
                        while (rows.next()) {
                            ended.add(new Ended(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    Severity.values()[rows.getShort(3)],
                                    rows.getInt(4),
                                    rows.getLong(5)));
                        }
                    }
                }
            }
            Instant local = clock.instant();
            if (!local.isBefore(nextPrune)) {
                nextPrune = local.plus(PRUNE_EVERY);
                for (String prune : List.of(PRUNE_COOLDOWNS, PRUNE_WINDOWS)) {
                    try (PreparedStatement delete = connection.prepareStatement(prune)) {
                        delete.setObject(1, now, Types.BIGINT);
                        delete.executeUpdate();
                    }
                }
            }
            return ended;
        });
    }

    @Override
    public void forget(Set<Long> rules) {
        if (rules.isEmpty()) {
            return;
        }
        run(connection -> {
            for (String forget : List.of(FORGET_COOLDOWNS, FORGET_WINDOWS)) {
                try (PreparedStatement delete = connection.prepareStatement(forget)) {
                    delete.setArray(1, array(connection, "int8", rules.stream()));
                    delete.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The server's clock in epoch microseconds when a test replaced it; null for the database's. */
    private Long serverClock() {
        return databaseClock ? null : micros(Duration.between(Instant.EPOCH, clock.instant()));
    }

    /** Windows are counted in whole seconds, at least one. */
    private static long seconds(Duration window) {
        return Math.max(1, (window.toMillis() + 999) / 1000);
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    private static Array array(Connection connection, String type, java.util.stream.Stream<?> values)
            throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = domain.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the store refused the alert throttle: " + e.getMessage(), e);
        }
    }
}
