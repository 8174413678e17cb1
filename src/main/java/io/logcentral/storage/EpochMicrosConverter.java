package io.logcentral.storage;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/** Keeps instants as epoch microseconds: the JDBC default for SQLite would drop everything below the millisecond. */
@Converter
class EpochMicrosConverter implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamps.toMicros(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Long micros) {
        return micros == null ? null : Timestamps.fromMicros(micros);
    }
}
