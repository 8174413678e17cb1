package io.logcentral.query;

import io.logcentral.storage.LogQuery.Position;
import io.logcentral.storage.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;

/** The opaque keyset token of the {@code Link} header: the (timestamp, id) of the last log of a page. */
final class Cursor {

    private Cursor() {}

    static String encode(Position position) {
        String plain = Timestamps.toMicros(position.timestamp()) + ":" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static Position decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            return new Position(
                    Timestamps.fromMicros(Long.parseLong(plain.substring(0, colon))),
                    Long.parseLong(plain.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException | DateTimeException e) {
            throw new BadParameterException("cursor", "not a cursor this server made; take it from the Link header");
        }
    }
}
