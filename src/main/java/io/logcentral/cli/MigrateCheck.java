package io.logcentral.cli;

import io.logcentral.cli.MigrateTables.Group;
import io.logcentral.cli.MigrateTables.Rows;
import io.logcentral.cli.MigrateTables.Summary;
import io.logcentral.cli.MigrateTables.Table;
import io.logcentral.storage.StoredLog;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the target holds against what the source holds: before a run (is it this store's copy?) and after it. */
final class MigrateCheck {

    /** Logs compared field by field before a run goes on into a target that already holds some. */
    private static final int RESUME_SAMPLE = 50;

    private final MigrateSource source;
    private final MigrateTarget target;
    private final PrintStream out;
    private int mismatches;

    MigrateCheck(MigrateSource source, MigrateTarget target, PrintStream out) {
        this.source = source;
        this.target = target;
        this.out = out;
    }

    /** Each other table, in the target's columns, as the source holds it (texts as the target keeps them). */
    Map<Table, Rows> sourceTables() throws SQLException, MigrationRefused {
        Map<Table, Rows> tables = new LinkedHashMap<>();
        for (Table table : MigrateTables.ALL) {
            tables.put(table, source.rows(table, target.columns(table), target::storable));
        }
        return tables;
    }

    /**
     * Why the target is not a copy of this store in the making, or null when it is one: its logs must be this store's
     * first ones, and each other table as the schema made it or as this store has it.
     */
    @Nullable
    String whyNotOurs(Summary targetLogs, Map<Table, Rows> sourceTables) throws SQLException {
        if (targetLogs.count() > 0) {
            Summary ours = source.summary();
            if (targetLogs.maxId() > ours.maxId()) {
                return "it holds logs up to id " + targetLogs.maxId() + ", past this store's last id " + ours.maxId();
            }
            long count = source.countUpTo(targetLogs.maxId());
            if (count != targetLogs.count()) {
                return "it holds " + targetLogs.count() + " logs up to id " + targetLogs.maxId()
                        + " where this store has " + count;
            }
            List<Long> ids = new ArrayList<>(source.randomIds(RESUME_SAMPLE, targetLogs.maxId()));
            ids.add(targetLogs.minId());
            ids.add(targetLogs.maxId());
            Long differs = firstDifferent(ids);
            if (differs != null) {
                return "its log " + differs + " differs from this store's";
            }
        }
        for (Map.Entry<Table, Rows> entry : sourceTables.entrySet()) {
            Table table = entry.getKey();
            Rows theirs = target.rows(table, target.columns(table));
            if (!theirs.equals(entry.getValue()) && !theirs.seededOnly(table)) {
                return "its " + table.name() + " holds rows this store does not (a server has used it)";
            }
        }
        return null;
    }

    /** Compares the whole target with the source, a line a check; returns how many checks failed. */
    int verify(int spotChecks) throws SQLException, MigrationRefused {
        mismatches = 0;
        Summary ours = source.summary();
        Summary theirs = target.summary();
        check(
                ours.equals(theirs),
                String.format(
                        Locale.ROOT,
                        "logs: %,d with ids %d..%d, target %,d with ids %d..%d",
                        ours.count(),
                        ours.minId(),
                        ours.maxId(),
                        theirs.count(),
                        theirs.minId(),
                        theirs.maxId()));
        Map<Group, Long> groups = source.groups(target::storable);
        Map<Group, Long> theirGroups = target.groups();
        check(
                groups.equals(theirGroups),
                String.format(
                        Locale.ROOT,
                        "logs per service and severity: %d groups, target %d%s",
                        groups.size(),
                        theirGroups.size(),
                        groups.equals(theirGroups)
                                ? ""
                                : ", first difference " + firstDifference(groups, theirGroups)));
        long miscounted = target.miscountedMinutes();
        check(miscounted == 0, "counts per minute, service and severity on the target: " + miscounted + " wrong");
        for (Map.Entry<Table, Rows> entry : sourceTables().entrySet()) {
            Table table = entry.getKey();
            Rows theirRows = target.rows(table, target.columns(table));
            check(
                    theirRows.equals(entry.getValue()),
                    String.format(
                            Locale.ROOT,
                            "%s: %,d rows, target %,d%s",
                            table.name(),
                            entry.getValue().rows().size(),
                            theirRows.rows().size(),
                            theirRows.equals(entry.getValue()) ? ", equal row by row" : " or rows that differ"));
        }
        List<Long> ids = source.randomIds(spotChecks, Long.MAX_VALUE);
        Long differs = firstDifferent(ids);
        check(
                differs == null,
                String.format(
                        Locale.ROOT,
                        "%,d logs drawn at random compared field by field%s",
                        ids.size(),
                        differs == null ? ": equal" : ": log " + differs + " differs"));
        return mismatches;
    }

    private void check(boolean ok, String line) {
        out.println("  " + (ok ? "ok    " : "WRONG ") + line);
        if (!ok) {
            mismatches++;
        }
    }

    /** The first of these ids whose log differs between the stores, or is on one side only. */
    @Nullable
    private Long firstDifferent(List<Long> ids) throws SQLException {
        Map<Long, StoredLog> ours = source.byIds(ids);
        Map<Long, StoredLog> theirs = target.byIds(ids);
        for (long id : ids) {
            StoredLog mine = ours.get(id);
            StoredLog copy = theirs.get(id);
            if (mine == null || !MigrateTables.stored(mine, target::storable).equals(copy)) {
                return id;
            }
        }
        return null;
    }

    private static String firstDifference(Map<Group, Long> ours, Map<Group, Long> theirs) {
        Map<Group, Long> all = new LinkedHashMap<>(ours);
        theirs.forEach(all::putIfAbsent);
        for (Group group : all.keySet()) {
            if (!Objects.equals(ours.get(group), theirs.get(group))) {
                return group.service() + "/" + group.severity() + ": " + ours.get(group) + " against "
                        + theirs.get(group);
            }
        }
        return "none";
    }
}
