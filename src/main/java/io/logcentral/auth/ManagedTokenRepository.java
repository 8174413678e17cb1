package io.logcentral.auth;

import io.logcentral.storage.EntityStore;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.stereotype.Repository;

@Repository
class ManagedTokenRepository extends EntityStore<ManagedToken, String> {

    ManagedTokenRepository(EntityManagerFactory factory) {
        super(factory, ManagedToken.class);
    }

    /**
     * The first statement of every change: it writes, so the transaction waits for the store's write lock within the
     * busy timeout instead of failing when the log writer commits between a read and a write; and it tells every
     * replica that the table changed.
     */
    int bumpVersion() {
        return entities.createNativeQuery("UPDATE managed_token_version SET version = version + 1 WHERE id = 1")
                .executeUpdate();
    }

    long version() {
        return ((Number) entities.createNativeQuery("SELECT version FROM managed_token_version WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }
}
