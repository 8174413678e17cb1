package io.logcentral.ingest;

import io.logcentral.pipeline.BodyBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;

/**
 * Reads a request body, decoded, and refuses it as soon as it passes the size limit. The bytes read are charged to
 * the request's reservation of the body budget as they come, so a body of undeclared length is bounded too.
 */
final class BoundedBody {

    private static final long SLICE = 1024 * 1024;

    private BoundedBody() {}

    /** What to reserve before reading: the declared length, or a first slice when it is unknown or compressed. */
    static long expectedLength(HttpServletRequest request, long limit) {
        long declared = request.getContentLengthLong();
        return declared >= 0 && encoding(request).equals("identity") ? Math.min(declared, limit) : SLICE;
    }

    static byte[] read(HttpServletRequest request, long limit, BodyBudget.Reservation reservation) throws IOException {
        long declared = request.getContentLengthLong();
        String encoding = encoding(request);
        if (encoding.equals("identity") && declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = decoded(request.getInputStream(), encoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), limit));
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                if (total > reservation.held()) {
                    reservation.grow(Math.max(SLICE, total - reservation.held()));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw InvalidLogDataException.unreadable("body is not valid " + encoding + ": " + e.getMessage());
        }
    }

    private static String encoding(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        return header == null || header.isBlank() ? "identity" : header.trim().toLowerCase(Locale.ROOT);
    }

    private static InputStream decoded(InputStream body, String encoding) throws IOException {
        return switch (encoding) {
            case "identity" -> body;
            case "gzip", "x-gzip" -> new GZIPInputStream(body);
            case "deflate" -> new InflaterInputStream(body);
            default ->
                throw new UnsupportedBodyException(
                        "Content-Encoding",
                        "unsupported Content-Encoding '" + encoding + "': use gzip, deflate or none");
        };
    }

    private static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException(
                "logcentral.ingest.max-body-size", "request body is larger than " + limit + " bytes");
    }
}
