package org.palimpsest.api.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.api.article.Params;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.change.ChangeQuery;
import org.palimpsest.core.diff.ChangeKind;
import org.palimpsest.core.error.ArchiveException;

/** The filters of {@code /api/changes} and the change feeds, parsed with messages that say what to fix. */
public final class ChangeParams {
    private ChangeParams() {
    }

    public static ChangeQuery query(String source, String from, String to, List<String> kinds, String stealth,
            String articleId, int page, int size, int maxSize) {
        Params.window(page, size, maxSize);
        return new ChangeQuery(Optional.ofNullable(source).filter(s -> !s.isBlank()).map(s -> new SourceKey(s).value()),
                Params.instant("from", from), Params.instant("to", to), kinds("kind", kinds), stealth(stealth),
                Optional.ofNullable(articleId).filter(s -> !s.isBlank()).map(ChangeParams::articleId),
                page, size);
    }

    /** Change kinds named by a repeatable parameter (each may also list several, comma-separated). */
    public static List<ChangeKind> kinds(String name, List<String> values) {
        List<ChangeKind> parsed = new ArrayList<>();
        for (String k : values == null ? List.<String>of() : values) {
            for (String one : k.split(",")) {
                if (!one.isBlank()) {
                    parsed.add(ChangeKind.of(one).orElseThrow(() -> ArchiveException.invalid(name + " '" + one.strip()
                            + "' is not known: use one of " + ChangeKind.labels())));
                }
            }
        }
        return List.copyOf(parsed);
    }

    public static Optional<Boolean> stealth(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ArchiveException.invalid("stealth '" + value + "' is not true or false");
        };
    }

    private static UUID articleId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid("articleId '" + value + "' is not an article id (a UUID)");
        }
    }
}
