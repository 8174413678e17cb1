package io.logcentral.intake;

import io.logcentral.ingest.IngestGate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A GELF body's compression, found in its first bytes: GELF clients compress with gzip or zlib and label it
 * inconsistently (graypy sends zlib as {@code Content-Encoding: gzip,deflate}), so the header is not trusted.
 */
final class GelfBody {

    private GelfBody() {}

    static byte[] decompressed(byte[] body, IngestGate gate) {
        if (body.length < 2) {
            return body;
        }
        int first = body[0] & 0xff;
        int second = body[1] & 0xff;
        try {
            if (first == 0x1f && second == 0x8b) {
                return readAll(new GZIPInputStream(new ByteArrayInputStream(body)), gate);
            }
            // A zlib header: deflate (method 8) with a check sum making the first two bytes a multiple of 31.
            if ((first & 0x0f) == 8 && ((first << 8) | second) % 31 == 0) {
                return readAll(new InflaterInputStream(new ByteArrayInputStream(body)), gate);
            }
        } catch (IOException e) {
            throw new UnreadableBodyException("the compressed GELF message could not be read: " + e.getMessage());
        }
        return body;
    }

    private static byte[] readAll(InputStream in, IngestGate gate) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                gate.checkDecodedSize(out.size());
            }
            return out.toByteArray();
        }
    }
}
