package io.logcentral.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Splits a TCP stream into syslog frames (RFC 6587), deciding per frame: {@code LENGTH SP <PRI>...} is octet-counted,
 * anything else ends at a line feed. A frame longer than the limit is skipped and counted, never buffered whole. Reads
 * can time out at any byte without losing one: what was read stays in the buffer for the next call.
 */
final class SyslogFrames {

    /** Digits of an octet count: nine cover any frame we would take. */
    private static final int MAX_COUNT_DIGITS = 9;

    private final InputStream in;
    private final int maxFrame;
    private final byte[] buffer;
    private int start;
    private int end;
    /** Bytes of an over-long frame still to skip; -1 skips to the next line feed. */
    private long skipping;

    private int oversized;

    SyslogFrames(InputStream in, int maxFrame) {
        this.in = in;
        this.maxFrame = maxFrame;
        this.buffer = new byte[maxFrame + MAX_COUNT_DIGITS + 2];
    }

    /**
     * The next frame, read from the stream as needed.
     *
     * @return the frame without its line ending, or null at the end of the stream (a partial last line is a frame)
     * @throws java.net.SocketTimeoutException when the stream had nothing for the socket's timeout; call again
     */
    @Nullable
    String next() throws IOException {
        while (true) {
            if (skipping != 0) {
                skip();
            }
            if (skipping == 0) {
                String frame = frame();
                if (frame != null) {
                    return frame;
                }
            }
            if (skipping != 0 && start < end) {
                continue;
            }
            if (!fill()) {
                return skipping == 0 && end > start ? take(start, end, end) : null;
            }
        }
    }

    /** Whether a frame may be had without waiting: some bytes are buffered or already arrived. */
    boolean ready() throws IOException {
        return end > start || in.available() > 0;
    }

    /** Frames skipped as longer than the limit since the last call. */
    int takeOversized() {
        int count = oversized;
        oversized = 0;
        return count;
    }

    private @Nullable String frame() {
        int digits = 0;
        while (start + digits < end && digits <= MAX_COUNT_DIGITS && isDigit(buffer[start + digits])) {
            digits++;
        }
        boolean counted = digits > 0
                && digits <= MAX_COUNT_DIGITS
                && start + digits + 1 < end
                && buffer[start + digits] == ' '
                && buffer[start + digits + 1] == '<';
        // "123" or "123 " at the end of what arrived: the next byte decides.
        boolean mayBeCounted = digits > 0
                && digits <= MAX_COUNT_DIGITS
                && (start + digits == end || (start + digits + 1 == end && buffer[start + digits] == ' '));
        if (counted) {
            long length = Long.parseLong(new String(buffer, start, digits, StandardCharsets.US_ASCII));
            int body = start + digits + 1;
            if (length > maxFrame) {
                oversized++;
                skipping = length;
                start = body;
                return null;
            }
            return end - body >= length ? take(body, body + (int) length, body + (int) length) : null;
        }
        if (mayBeCounted) {
            return null;
        }
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                return take(start, i, i + 1);
            }
        }
        if (end - start > maxFrame) {
            oversized++;
            skipping = -1;
            start = end;
        }
        return null;
    }

    /** The frame from {@code from} to {@code to}, without a trailing line ending; the next starts at {@code next}. */
    private String take(int from, int to, int next) {
        int last = to;
        while (last > from && (buffer[last - 1] == '\n' || buffer[last - 1] == '\r')) {
            last--;
        }
        String frame = new String(buffer, from, last - from, StandardCharsets.UTF_8);
        start = next;
        return frame;
    }

    private void skip() {
        if (skipping > 0) {
            int skipped = (int) Math.min(skipping, end - start);
            start += skipped;
            skipping -= skipped;
            return;
        }
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                start = i + 1;
                skipping = 0;
                return;
            }
        }
        start = end;
    }

    /** Reads more into the buffer, moving what is left to its front first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
