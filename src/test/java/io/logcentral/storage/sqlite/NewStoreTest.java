package io.logcentral.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.logcentral.LogServerTest;
import io.logcentral.SqliteOnly;
import io.logcentral.storage.StorageProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A server started on an empty folder makes its store so that deletes give space back to the disk. */
@SqliteOnly
@LogServerTest
class NewStoreTest {

    private static final int INCREMENTAL = 2;

    @Autowired
    StorageProperties storage;

    @Test
    void theStoreOfAServerStartedOnAnEmptyFolderIsIncrementalWhicheverConnectionOpenedItFirst() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + storage.databaseFile());
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA auto_vacuum")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getInt(1)).isEqualTo(INCREMENTAL);
        }
    }
}
