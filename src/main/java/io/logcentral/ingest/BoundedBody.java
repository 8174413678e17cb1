package io.logcentral.ingest;

import io.logcentral.pipeline.BodyBudget;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;

/**
 * Reads a request body, decoded, and refuses it as soon as it passes the size limit. The bytes are charged to the
 * request's reservation of the body budget as they arrive, never the declared length up front: a client that declares
 * 10 MiB and trickles a byte at a time holds one slice of the budget, not ten megabytes of it.
 */
final class BoundedBody {

    /** What the budget is charged in: small enough that a thousand slow bodies cost 64 MiB at most. */
    static final int SLICE = 64 * 1024;

    private BoundedBody() {}

    static byte[] read(HttpServletRequest request, IngestProperties limits, BodyBudget.Reservation reservation) {
        return read(request, limits, reservation, encoding(request));
    }

    /** The body's bytes as sent, for a protocol whose clients' Content-Encoding cannot be trusted. */
    static byte[] readUndecoded(
            HttpServletRequest request, IngestProperties limits, BodyBudget.Reservation reservation) {
        return read(request, limits, reservation, "identity");
    }

    private static byte[] read(
            HttpServletRequest request, IngestProperties limits, BodyBudget.Reservation reservation, String encoding) {
        long limit = limits.maxBodySize().toBytes();
        long declared = request.getContentLengthLong();
        if (encoding.equals("identity") && declared > limit) {
            throw tooLarge(limit);
        }
        BodyPace pace =
                new BodyPace(limits.bodyReadGrace(), limits.bodyMinRate().toBytes());
        try (InputStream in = decoded(request.getInputStream(), encoding)) {
            // Sized by what arrives, not by what the client declares: a declared length costs nothing until it is sent.
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), SLICE));
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
                pace.check(total);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw InvalidLogDataException.unreadable("body is not valid " + encoding + ": " + e.getMessage());
        } catch (IOException e) {
            throw unreadable(e, limits);
        }
    }

    /**
     * A read that failed is the client's doing: a read that timed out, a connection closed mid-body, a malformed chunk
     * or a truncated gzip stream. None of it is a server failure to log as one.
     */
    private static RuntimeException unreadable(IOException e, IngestProperties limits) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return new BodyTooSlowException(limits.bodyMinRate().toBytes());
            }
        }
        return InvalidLogDataException.unreadable("the body could not be read to its end: " + e.getMessage());
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

    static PayloadTooLargeException tooLarge(long limit) {
        return new PayloadTooLargeException(
                "logcentral.ingest.max-body-size", "request body is larger than " + limit + " bytes");
    }
}
