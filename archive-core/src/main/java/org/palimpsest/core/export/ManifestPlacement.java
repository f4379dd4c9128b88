package org.palimpsest.core.export;

import java.util.List;
import java.util.Locale;
import org.palimpsest.core.error.Choices;

/** Where an export's manifest goes: kept apart (always, at its id), and also as the payload's last line. */
public enum ManifestPlacement {
    SEPARATE, INLINE;

    /** The placement a request names ({@code manifest=separate|inline}), case and surrounding space ignored. */
    public static ManifestPlacement parse(String name) {
        return Choices.parse("manifest", name, List.of(values()), p -> p.name().toLowerCase(Locale.ROOT));
    }
}
