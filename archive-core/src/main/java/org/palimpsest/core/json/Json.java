package org.palimpsest.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.palimpsest.core.provenance.Interval;

/** The one JSON mapping of stored documents (provenance, extractions, templates): ISO-8601 times, stable output. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Interval>> INTERVALS = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Whether two JSON texts hold the same value. PostgreSQL's {@code jsonb} gives back its own rendering (keys
     * reordered, spaces added), so stored JSON is compared by value, never as text.
     */
    public static boolean sameValue(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        try {
            return MAPPER.readTree(a).equals(MAPPER.readTree(b));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Stored paragraphs (a JSON array of strings). */
    public static List<String> readStrings(String json) {
        return read(json, STRINGS);
    }

    /** Stored validity intervals. */
    public static List<Interval> readIntervals(String json) {
        return read(json, INTERVALS);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not match: " + e.getOriginalMessage(), e);
        }
    }
}
