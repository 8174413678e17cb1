package io.logcentral;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The store the tests run on: SQLite files by default, PostgreSQL with {@code -Dlogcentral.test.store=postgres}
 * (the server of {@code -Dlogcentral.test.postgres}, by default 127.0.0.1:5432 as user postgres). On PostgreSQL each
 * server under test gets a database of its own, made for it and dropped after it; databases that a killed run left
 * behind are dropped by the next run once they are a few hours old.
 */
public final class TestDatabases {

    public static final String STORE = "logcentral.test.store";
    private static final String SERVER = System.getProperty("logcentral.test.postgres", "127.0.0.1:5432");
    private static final String PREFIX = "lc_test_";
    private static final Duration LEFTOVER = Duration.ofHours(6);
    private static final List<String> OWNED = new ArrayList<>();
    private static final Map<Path, String> DIRECTORIES = new HashMap<>();
    private static boolean swept;

    private TestDatabases() {}

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty(STORE, "sqlite"));
    }

    /** The JDBC URL of a new, empty database. */
    public static synchronized String create() {
        return createNamed(PREFIX + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * The database of a server's data directory, made on first use and dropped when the tests end, so a server
     * restarted on the same directory finds what it stored before.
     */
    public static synchronized String forDirectory(Path dataDir) {
        return DIRECTORIES.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> create());
    }

    public static void drop(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        synchronized (TestDatabases.class) {
            OWNED.remove(name);
        }
    }

    private static String createNamed(String name) {
        if (!swept) {
            swept = true;
            sweepLeftovers();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropOwned, "drop-test-databases"));
        }
        admin("CREATE DATABASE " + name);
        OWNED.add(name);
        return url(name);
    }

    private static String url(String name) {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }

    private static void dropOwned() {
        for (String name : List.copyOf(OWNED)) {
            drop(url(name));
        }
    }

    private static void sweepLeftovers() {
        long before = System.currentTimeMillis() / 1000 - LEFTOVER.toSeconds();
        List<String> old = new ArrayList<>();
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery(
                        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (names.next()) {
                String[] parts = names.getString(1).substring(PREFIX.length()).split("_");
                if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < before) {
                    old.add(names.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL at " + SERVER, e);
        }
        old.forEach(name -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void admin(String sql) {
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql.toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + SERVER, e);
        }
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
    }
}
