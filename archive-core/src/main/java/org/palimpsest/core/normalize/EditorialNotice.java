package org.palimpsest.core.normalize;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An editorial notice: a newsroom saying that it changed an article (a correction, a clarification, an update, an
 * editor's note, a retraction). Notices are content, never chrome, however many articles carry the same words:
 * sites word them identically across articles, so counting articles cannot tell them from a ticker.
 *
 * @param kind what the newsroom says it did
 * @param text the notice as published
 */
public record EditorialNotice(Kind kind, String text) {

    /** The kinds of notice, served as {@code correction}, {@code clarification}, {@code update}, ... */
    public enum Kind {
        CORRECTION("correction"),
        CLARIFICATION("clarification"),
        UPDATE("update"),
        EDITORS_NOTE("editors-note"),
        RETRACTION("retraction");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    /**
     * A label, an optional date or time (in brackets, or after "at"/"on") and a separator: "Correction:",
     * "Correction (May 12):", "Updated at 14:00:", "UPDATE —" (dashes are folded to "-" in the canonical form).
     */
    private static Pattern labelled(String label) {
        return Pattern.compile("^(?:" + label + ")\\s*(?:\\([^)]{0,40}\\)\\s*|(?:at|on)\\s+[^:—–]{1,30}?)?"
                + "(?::|—|–|-{1,2}\\s)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static Pattern sentence(String regex) {
        return Pattern.compile("^" + regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static final String PIECE = "(?:story|article|report|post|piece|item|headline|version)";

    private record Shape(Kind kind, Pattern pattern) {
    }

    /** The common English shapes, most specific first. */
    private static final List<Shape> SHAPES = List.of(
            new Shape(Kind.CORRECTION, labelled("corrections?")),
            new Shape(Kind.CLARIFICATION, labelled("clarifications?")),
            new Shape(Kind.RETRACTION, labelled("retraction|retracted")),
            new Shape(Kind.EDITORS_NOTE, labelled("editor'?s'? note|editors'? note|note from the editors?")),
            new Shape(Kind.UPDATE, labelled("updated?|update \\d{1,2}")),
            new Shape(Kind.CORRECTION, sentence("an? (?:earlier|previous|prior) version of this " + PIECE + "\\b")),
            new Shape(Kind.RETRACTION, sentence("this " + PIECE + " (?:has been|was|is being) retracted\\b")),
            new Shape(Kind.CORRECTION, sentence("this " + PIECE + " (?:has been|was) (?:corrected|amended)\\b")),
            new Shape(Kind.CLARIFICATION, sentence("this " + PIECE + " (?:has been|was) clarified\\b")),
            new Shape(Kind.UPDATE, sentence("this " + PIECE + " (?:has been|was|will be) updated\\b")));

    /** The first letters the shapes begin with. */
    private static final String SHAPE_INITIALS = "acenrtu";

    /** The notice a line is (its canonical form is matched), if it is one. */
    public static Optional<EditorialNotice> of(String line) {
        String canonical = Canonical.of(line);
        if (canonical.isEmpty() || SHAPE_INITIALS.indexOf(Character.toLowerCase(canonical.charAt(0))) < 0) {
            return Optional.empty(); // most lines: no shape begins with their first letter
        }
        for (Shape shape : SHAPES) {
            if (shape.pattern().matcher(canonical).find()) {
                return Optional.of(new EditorialNotice(shape.kind(), line.strip()));
            }
        }
        return Optional.empty();
    }

    /** Whether a line is an editorial notice. */
    public static boolean is(String line) {
        return of(line).isPresent();
    }

    /** The notices among a version's paragraphs, in order. */
    public static List<EditorialNotice> in(List<String> paragraphs) {
        return paragraphs.stream().map(EditorialNotice::of).flatMap(Optional::stream).toList();
    }
}
