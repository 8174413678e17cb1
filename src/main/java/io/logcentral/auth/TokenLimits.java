package io.logcentral.auth;

/**
 * How fast one token may go; null where it has no limit of its own.
 *
 * @param requestsPerSecond requests a second, over every endpoint
 * @param logsPerSecond logs a second, counted where they are stored
 */
record TokenLimits(Long requestsPerSecond, Long logsPerSecond) {

    static final TokenLimits NONE = new TokenLimits(null, null);

    /** This token's own limits, and where it has none, {@code defaults}. */
    TokenLimits or(TokenLimits defaults) {
        return new TokenLimits(
                requestsPerSecond != null ? requestsPerSecond : defaults.requestsPerSecond(),
                logsPerSecond != null ? logsPerSecond : defaults.logsPerSecond());
    }
}
