package io.logcentral.auth;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ManagedTokenRepository extends JpaRepository<ManagedToken, String> {

    /**
     * The first statement of every change: it writes, so the transaction waits for the store's write lock within the
     * busy timeout instead of failing when the log writer commits between a read and a write; and it tells every
     * replica that the table changed.
     */
    @Modifying
    @Query(value = "UPDATE managed_token_version SET version = version + 1 WHERE id = 1", nativeQuery = true)
    int bumpVersion();

    @Query(value = "SELECT version FROM managed_token_version WHERE id = 1", nativeQuery = true)
    long version();
}
