package org.palimpsest.core.diff;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of change a version made, in the order a version's kinds are listed. */
public enum ChangeKind {
    /** The headline changed. */
    HEADLINE,
    /** The first body paragraph changed. */
    LEDE,
    /** A number, amount, percentage or date changed. */
    FIGURES,
    /** Text inside quotation marks changed, or a quotation was added or removed. */
    QUOTES,
    /** An editorial notice appeared, changed or disappeared. */
    NOTICE,
    /** Paragraphs or sentences were added. */
    ADDED,
    /** Paragraphs or sentences were removed. */
    REMOVED,
    /** Sentences were edited in place, other than in their figures or quotations. */
    REWORDED,
    /** The same sentences stand in another order. */
    MOVED;

    /** Kinds that change what an article says; one of them without a notice is a stealth edit. */
    public boolean substantive() {
        return this == HEADLINE || this == LEDE || this == FIGURES || this == QUOTES || this == REMOVED
                || this == REWORDED;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ChangeKind> of(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The labels, for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(ChangeKind::label).collect(Collectors.joining(", "));
    }
}
