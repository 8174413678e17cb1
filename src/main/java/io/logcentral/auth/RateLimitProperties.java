package io.logcentral.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limits of a token that sets none of its own.
 *
 * @param requestsPerSecond requests a second per token; unset: unlimited
 * @param logsPerSecond logs a second per token; unset: unlimited
 */
@ConfigurationProperties("logcentral.rate-limit")
record RateLimitProperties(Long requestsPerSecond, Long logsPerSecond) {

    TokenLimits defaults() {
        return new TokenLimits(requestsPerSecond, logsPerSecond);
    }
}
