package io.logcentral.auth;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.stereotype.Repository;

@Repository
class LoggerBotUserRepository extends EntityStore<LoggerBotUser, String> {

    LoggerBotUserRepository(EntityManagerFactory factory) {
        super(factory, LoggerBotUser.class);
    }

    /**
     * One statement that writes first: a transaction that read first and then writes fails at once with SQLITE_BUSY
     * when the log writer committed in between, where a write first waits for the lock within the busy timeout.
     */
    int upsert(String name, String tokenHash, String telId, long createdAt) {
        return entities.createNativeQuery("INSERT INTO loggerbot_users (user_name, token_hash, tel_id, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (user_name) DO UPDATE SET"
                        + " token_hash = excluded.token_hash, tel_id = excluded.tel_id")
                .setParameter(1, name)
                .setParameter(2, tokenHash)
                .setParameter(3, telId)
                .setParameter(4, createdAt)
                .executeUpdate();
    }
}
