package org.palimpsest.core.diff;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.palimpsest.core.normalize.Canonical;
import org.palimpsest.core.normalize.EditorialNotice;

/**
 * Classifies how one version differs from the version before it, deterministically and from the text alone.
 *
 * <p>Notices are told apart first ({@link EditorialNotice}); the rest of the body is split into sentences, which are
 * aligned (java-diff-utils, canonical form). A sentence that left one place and stands again at another is moved.
 * Sentences replaced in place are paired by position within their block, when they share enough words: a pair whose
 * numbers or dates differ changed figures, whose quoted spans differ changed quotes, and whose other words differ was
 * reworded. Unpaired sentences were added or removed (a quotation among them changes quotes too).
 */
public final class ChangeClassifier {
    /**
     * Figures: numbers (with separators, a currency sign, a percent, an ordinal suffix or a unit word), number words
     * and the names of months and weekdays (dates: "on Monday" becoming "on Tuesday" moves an event a day). A digit
     * inside a word ("A4", "F-16") is not one.
     */
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\d])[$€£₴]?\\d+(?:[.,]\\d+)*(?:\\s?%|st|nd|rd|th"
                    + "|\\s(?:thousand|million|billion|trillion|percent|per cent))?(?![\\p{L}\\d])"
                    + "|(?i:\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
                    + "|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|first|second|third|fourth|fifth"
                    + "|sixth|seventh|eighth|ninth|tenth)\\b)"
                    + "|\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                    + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\b\\.?"
                    + "|\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b");
    /** A quotation, in the canonical form (curly quotes folded to straight ones). */
    private static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"");
    /** Below this share of common words, a replaced sentence is another sentence: one removed, one added. */
    private static final double SAME_SENTENCE = 0.5;

    private final Differ differ = new Differ();

    /** The change from {@code before} to {@code after}; {@code previousVersionId} names {@code before}. */
    public VersionChange classify(DiffDocument before, DiffDocument after, String previousVersionId) {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        if (!Canonical.of(before.headline()).equals(Canonical.of(after.headline()))) {
            kinds.add(ChangeKind.HEADLINE);
        }
        List<EditorialNotice> noticesBefore = EditorialNotice.in(before.paragraphs());
        List<EditorialNotice> noticesAfter = EditorialNotice.in(after.paragraphs());
        if (!canonicalTexts(noticesBefore).equals(canonicalTexts(noticesAfter))) {
            kinds.add(ChangeKind.NOTICE);
        }
        List<String> bodyBefore = withoutNotices(before.paragraphs());
        List<String> bodyAfter = withoutNotices(after.paragraphs());
        if (!Canonical.of(first(bodyBefore)).equals(Canonical.of(first(bodyAfter)))) {
            kinds.add(ChangeKind.LEDE);
        }
        sentences(sentencesOf(bodyBefore), sentencesOf(bodyAfter), kinds);
        boolean stealth = !kinds.contains(ChangeKind.NOTICE) && kinds.stream().anyMatch(ChangeKind::substantive);
        DiffResult.Stats stats = differ.diff(before, after, DiffGranularity.WORD).stats();
        return new VersionChange(List.copyOf(kinds), stealth, noticesAfter, stats.inserted(), stats.deleted(),
                previousVersionId, null);
    }

    private static void sentences(List<String> before, List<String> after, Set<ChangeKind> kinds) {
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Alignment.Change c : Alignment.changes(before, after)) {
            List<String> gone = before.subList(c.fromStart(), c.fromEnd());
            List<String> come = after.subList(c.toStart(), c.toEnd());
            // Each new sentence is paired with the first old one after the last pair that shares enough words: a
            // sentence edited in place; the old ones passed over were removed, new ones without a pair added.
            int next = 0;
            for (String sentence : come) {
                int match = next;
                while (match < gone.size() && sharedWords(gone.get(match), sentence) < SAME_SENTENCE) {
                    match++;
                }
                if (match == gone.size()) {
                    added.add(sentence);
                    continue;
                }
                removed.addAll(gone.subList(next, match));
                edited(gone.get(match), sentence, kinds);
                next = match + 1;
            }
            removed.addAll(gone.subList(next, gone.size()));
        }
        Map<String, Integer> left = new HashMap<>();
        removed.forEach(s -> left.merge(s, 1, Integer::sum));
        for (String s : List.copyOf(added)) {
            if (left.getOrDefault(s, 0) > 0) {
                left.merge(s, -1, Integer::sum);
                removed.remove(s);
                added.remove(s);
                kinds.add(ChangeKind.MOVED);
            }
        }
        if (!added.isEmpty()) {
            kinds.add(ChangeKind.ADDED);
        }
        if (!removed.isEmpty()) {
            kinds.add(ChangeKind.REMOVED);
        }
        if (added.stream().anyMatch(s -> QUOTE.matcher(s).find()) || removed.stream().anyMatch(s -> QUOTE.matcher(s).find())) {
            kinds.add(ChangeKind.QUOTES);
        }
    }

    /** One sentence edited in place. */
    private static void edited(String from, String to, Set<ChangeKind> kinds) {
        if (!all(FIGURE, from).equals(all(FIGURE, to))) {
            kinds.add(ChangeKind.FIGURES);
        }
        if (!all(QUOTE, from).equals(all(QUOTE, to))) {
            kinds.add(ChangeKind.QUOTES);
        }
        if (!rest(from).equals(rest(to))) {
            kinds.add(ChangeKind.REWORDED);
        }
    }

    /** A sentence without its figures and quotations: what a rewording changes. */
    private static String rest(String sentence) {
        return FIGURE.matcher(QUOTE.matcher(sentence).replaceAll("\"\"")).replaceAll("#");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(SPACE.matcher(m.group()).replaceAll("").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static final Pattern SPACE = Pattern.compile("\\s");
    /** What separates words: spaces and punctuation, except the figure mark and quotes {@link #rest} leaves. */
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\p{Punct}&&[^#\"]]+");

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : WORD_BREAK.split(text)) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The share of the longer sentence's words the two have in common (as multisets). */
    private static double sharedWords(String a, String b) {
        List<String> wa = words(a);
        List<String> wb = words(b);
        Map<String, Integer> counts = new HashMap<>();
        wa.forEach(w -> counts.merge(w, 1, Integer::sum));
        int common = 0;
        for (String w : wb) {
            if (counts.getOrDefault(w, 0) > 0) {
                counts.merge(w, -1, Integer::sum);
                common++;
            }
        }
        return (double) common / Math.max(1, Math.max(wa.size(), wb.size()));
    }

    /**
     * The sentences of the paragraphs, canonical. A sentence inside a quotation that runs over several sentences is
     * given the quotation marks it stands between, so that a change inside it is a change of quotes.
     */
    static List<String> sentencesOf(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            String c = Canonical.of(p);
            boolean open = false;
            int start = 0;
            Matcher end = SENTENCE_END.matcher(c);
            while (start < c.length()) {
                int stop = c.length();
                while (end.find()) {
                    if (!abbreviation(c, end.start() - 1)) {
                        stop = end.end();
                        break;
                    }
                }
                String s = c.substring(start, stop).strip();
                boolean opensHere = open;
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) == '"') {
                        open = !open;
                    }
                }
                if (!s.isEmpty()) {
                    out.add((opensHere ? "\"" : "") + s + (open ? "\"" : ""));
                }
                start = stop;
            }
        }
        return out;
    }

    /** Whether the full stop at {@code dot} ends an abbreviation or an initial, not a sentence. */
    private static boolean abbreviation(String text, int dot) {
        int from = dot;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && text.charAt(from - 1) != '(') {
            from--;
        }
        String word = text.substring(from, dot);
        return INITIALS.matcher(word).matches() || DOTTED.matcher(word).matches()
                || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** "J" or "J.R.R" before the dot: an initial. Compiled once: this runs at every full stop of every version. */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{L}\\.)*\\p{Lu}");
    /** "e.g" or "U.S" before the dot. */
    private static final Pattern DOTTED = Pattern.compile("\\p{L}(?:\\.\\p{L})+");

    /** A full stop, question or exclamation mark (closing quotes or brackets after it) before a capital or a quote. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\"')\\]]{0,2}\\s+(?=[\\p{Lu}\"(])");
    private static final Set<String> ABBREVIATIONS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep",
            "no", "vs", "etc", "inc", "co", "corp", "jr", "sr", "prof", "capt", "maj", "adm");

    private static List<String> withoutNotices(List<String> paragraphs) {
        return paragraphs.stream().filter(p -> !EditorialNotice.is(p)).toList();
    }

    private static List<String> canonicalTexts(List<EditorialNotice> notices) {
        return notices.stream().map(n -> Canonical.of(n.text())).toList();
    }

    private static String first(List<String> paragraphs) {
        return paragraphs.isEmpty() ? "" : paragraphs.get(0);
    }
}
