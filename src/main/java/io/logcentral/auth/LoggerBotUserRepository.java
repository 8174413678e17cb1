package io.logcentral.auth;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoggerBotUserRepository extends JpaRepository<LoggerBotUser, String> {

    /**
     * One statement that writes first: a transaction that read first and then writes fails at once with SQLITE_BUSY
     * when the log writer committed in between, where a write first waits for the lock within the busy timeout.
     */
    @Modifying
    @Query(
            value = "INSERT INTO loggerbot_users (user_name, token_hash, tel_id, created_at) VALUES (?1, ?2, ?3, ?4)"
                    + " ON CONFLICT (user_name) DO UPDATE SET token_hash = excluded.token_hash,"
                    + " tel_id = excluded.tel_id",
            nativeQuery = true)
    int upsert(String name, String tokenHash, String telId, long createdAt);
}
