package io.logcentral.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user of seed 003's LoggerBot client: its name becomes the service of the logs it sends. */
@Entity
@Table(name = "loggerbot_users")
class LoggerBotUser {

    @Id
    @Column(name = "user_name")
    private String name;

    @Column(nullable = false)
    private String tokenHash;

    private String telId;

    @Column(nullable = false)
    private long createdAt;

    protected LoggerBotUser() {}

    String tokenHash() {
        return tokenHash;
    }
}
