package io.logcentral.web;

/**
 * Client text on its way into the server log: control characters escaped, so a request cannot forge log lines, and
 * length bounded.
 */
public final class LogSafe {

    private static final int MAX = 300;

    private LogSafe() {}

    public static String text(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX) + 16);
        for (int i = 0; i < text.length() && safe.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR) {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.length() < MAX || text.length() <= MAX ? safe.toString() : safe + "...";
    }

    /** The failure with every message made safe and its stack trace kept, for logging it whole. */
    public static Throwable failure(Throwable failure) {
        return failure == null ? null : new Sanitised(failure);
    }

    private static final class Sanitised extends RuntimeException {

        Sanitised(Throwable original) {
            super(
                    original.getClass().getName() + ": " + text(original.getMessage()),
                    original.getCause() == null || original.getCause() == original
                            ? null
                            : new Sanitised(original.getCause()),
                    false,
                    true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
