package io.logcentral;

/** The tokens {@link LogServerTest} configures. */
public final class TestTokens {

    public static final String ADMIN = "test-admin-token-0123456789abcdef";
    public static final String READER = "test-reader-token-0123456789abcdef";
    /** Ingest only: the default scope of a static token without {@code scopes}. */
    public static final String WRITER = "test-writer-token-0123456789abcdef";
    /** Bound to service {@code reports}, ingest and read. */
    public static final String REPORTS = "svc-reports-123";
    /** Answers 200 instead of 201 on success, for seed 000's simulator. */
    public static final String SEED_000 = "token_servicio1";

    private TestTokens() {}
}
