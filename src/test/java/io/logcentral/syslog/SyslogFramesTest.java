package io.logcentral.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6587's two framings, decided per frame, over streams that arrive whole or a byte at a time with stalls. */
class SyslogFramesTest {

    private static final int MAX_FRAME = 40;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void framesAreSplitByLineFeedOrOctetCountAsEachFrameSays(boolean byteByByte) throws IOException {
        String stream = "<13>first\n" + "<13>second\r\n" + "12 <13>counted\n" + "9 <13>third" + "<13>after\n"
                + "12345\n" + "last without a line feed";

        assertThat(frames(stream, byteByByte))
                .containsExactly(
                        "<13>first",
                        "<13>second",
                        "<13>counted",
                        "<13>third",
                        "<13>after",
                        "12345",
                        "last without a line feed");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void framesLongerThanTheLimitAreSkippedAndCounted(boolean byteByByte) throws IOException {
        String stream =
                "<13>" + "x".repeat(100) + "\n" + "<13>kept\n" + "100 <13>" + "y".repeat(96) + "<13>also kept\n";
        SyslogFrames frames = new SyslogFrames(input(stream, byteByByte), MAX_FRAME);

        List<String> read = readAll(frames);

        assertThat(read).containsExactly("<13>kept", "<13>also kept");
        assertThat(frames.takeOversized()).isEqualTo(2);
        assertThat(frames.takeOversized()).isZero();
    }

    @Test
    void aFrameOfExactlyTheLimitIsKept() throws IOException {
        String frame = "<13>" + "z".repeat(MAX_FRAME - 4);

        assertThat(frames(frame + "\n" + MAX_FRAME + " " + frame, false)).containsExactly(frame, frame);
    }

    private static List<String> frames(String stream, boolean byteByByte) throws IOException {
        return readAll(new SyslogFrames(input(stream, byteByByte), MAX_FRAME));
    }

    private static List<String> readAll(SyslogFrames frames) throws IOException {
        List<String> read = new ArrayList<>();
        int timeouts = 0;
        while (timeouts < 10_000) {
            try {
                String frame = frames.next();
                if (frame == null) {
                    return read;
                }
                read.add(frame);
            } catch (SocketTimeoutException stall) {
                timeouts++;
            }
        }
        throw new AssertionError("no end of stream after " + timeouts + " stalls: " + read);
    }

    private static InputStream input(String stream, boolean byteByByte) {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        return byteByByte ? new Trickle(bytes) : new ByteArrayInputStream(bytes);
    }

    /** A byte per read, and a timeout before each, as a slow sender on a socket with a read timeout looks. */
    private static final class Trickle extends InputStream {

        private final byte[] bytes;
        private int next;
        private boolean stall = true;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws SocketTimeoutException {
            stall = !stall;
            if (!stall) {
                throw new SocketTimeoutException("stall");
            }
            if (next == bytes.length) {
                return -1;
            }
            b[off] = bytes[next++];
            return 1;
        }
    }
}
