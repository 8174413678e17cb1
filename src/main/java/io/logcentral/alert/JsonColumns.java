package io.logcentral.alert;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Lists and maps of a rule or channel kept as JSON text: they are read whole and never queried. */
final class JsonColumns {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {}

    @Converter
    static final class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return JSON.writeValueAsString(value == null ? List.of() : value);
        }

        @Override
        public List<String> convertToEntityAttribute(String text) {
            return text == null ? List.of() : JSON.readValue(text, new TypeReference<List<String>>() {});
        }
    }

    @Converter
    static final class StringMap implements AttributeConverter<Map<String, String>, String> {
        @Override
        public String convertToDatabaseColumn(Map<String, String> value) {
            return JSON.writeValueAsString(value == null ? Map.of() : value);
        }

        @Override
        public Map<String, String> convertToEntityAttribute(String text) {
            return text == null ? Map.of() : JSON.readValue(text, new TypeReference<Map<String, String>>() {});
        }
    }
}
