package org.palimpsest.core.diff;

import java.util.List;
import java.util.Locale;
import org.palimpsest.core.error.Choices;

/** The unit a diff reports changes in. */
public enum DiffGranularity {
    WORD, SENTENCE, PARAGRAPH, LINE;

    public static DiffGranularity parse(String text) {
        return Choices.parse("granularity", text, List.of(values()), g -> g.name().toLowerCase(Locale.ROOT));
    }
}
