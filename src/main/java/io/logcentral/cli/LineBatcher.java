package io.logcentral.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a stream of lines into request bodies of at most {@code maxLines} lines, closing one once it reaches
 * {@code maxBytes}. Blank lines are skipped, as the server skips them, so an item's index maps to one line number.
 * Offsets count the bytes of the (decompressed) stream, so a batch starts at the same offset in every run.
 */
final class LineBatcher {

    /**
     * One request body.
     *
     * @param startOffset where its first line starts in the stream; with the file, it names the batch for good
     * @param endOffset where the next batch starts
     * @param endLine the number of lines (blank ones included) before {@code endOffset}
     * @param lineNumbers the 1-based line number of each item, in item order
     */
    record Batch(long startOffset, long endOffset, long endLine, byte[] body, long[] lineNumbers) {
        int lines() {
            return lineNumbers.length;
        }
    }

    private final InputStream in;
    private final int maxLines;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private byte[] line = new byte[1024];
    private int lineLength;
    private int position;
    private int limit;
    private long offset;
    private long lineNumber;

    LineBatcher(InputStream in, long offset, long lineNumber, int maxLines, int maxBytes) {
        this.in = in;
        this.offset = offset;
        this.lineNumber = lineNumber;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /** The next batch, one without lines when only blank lines were left, or null at the end of the stream. */
    @Nullable
    Batch next() throws IOException {
        long start = offset;
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(maxBytes + 4096, 1 << 20));
        long[] numbers = new long[Math.min(maxLines, 1024)];
        int count = 0;
        while (count < maxLines && body.size() < maxBytes) {
            int consumed = readLine();
            if (consumed < 0) {
                break;
            }
            offset += consumed;
            lineNumber++;
            if (isBlank()) {
                continue;
            }
            body.write(line, 0, lineLength);
            body.write('\n');
            if (count == numbers.length) {
                numbers = Arrays.copyOf(numbers, Math.min(maxLines, count * 2));
            }
            numbers[count++] = lineNumber;
        }
        if (offset == start) {
            return null;
        }
        return new Batch(start, offset, lineNumber, body.toByteArray(), Arrays.copyOf(numbers, count));
    }

    /** Reads one line into {@link #line} without its line break; the bytes consumed, or -1 at the end. */
    private int readLine() throws IOException {
        lineLength = 0;
        int consumed = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return consumed == 0 ? -1 : consumed;
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            append(position, end - position);
            consumed += end - position;
            if (end < limit) {
                position = end + 1;
                return consumed + 1;
            }
            position = end;
        }
    }

    private void append(int from, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength += length;
    }

    /** What Java's {@code strip()} removes in ASCII, which is how the server decides a line is blank. */
    private boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            byte b = line[i];
            boolean space = b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
            if (!space) {
                return false;
            }
        }
        return true;
    }
}
