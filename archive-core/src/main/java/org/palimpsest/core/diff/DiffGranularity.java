package org.palimpsest.core.diff;

import java.util.Locale;
import org.palimpsest.core.error.ArchiveException;

/** The unit a diff reports changes in. */
public enum DiffGranularity {
    WORD, SENTENCE, PARAGRAPH, LINE;

    public static DiffGranularity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid("granularity '" + text + "' is not known: use word, sentence, paragraph"
                    + " or line");
        }
    }
}
