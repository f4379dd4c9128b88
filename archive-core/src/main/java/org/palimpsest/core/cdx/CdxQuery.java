package org.palimpsest.core.cdx;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.identity.CanonicalUrl;

/**
 * A CDX query as pywb's CDXJ server and the Wayback CDX server take one, checked: every bad parameter is refused with
 * a message that says what to fix.
 *
 * @param key the SURT key (exact) or SURT prefix the URL stands for
 * @param match how the key matches
 * @param from the earliest capture time, if any
 * @param to the latest capture time (inclusive, to the second), if any
 * @param sort the order of the lines
 * @param closest the time lines are ordered by their distance to, for {@link Sort#CLOSEST}
 * @param filters conditions every line meets
 * @param fields the fields of each line ({@code fl}), in order; empty for the output's own
 * @param limit the most lines answered
 */
public record CdxQuery(String key, Match match, Optional<Instant> from, Optional<Instant> to, Sort sort,
        Optional<Instant> closest, List<Filter> filters, List<CdxField> fields, int limit) {
    public static final int MAX_LIMIT = 10_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,14}");

    public enum Match { EXACT, PREFIX, HOST, DOMAIN }

    public enum Sort { ASCENDING, REVERSE, CLOSEST }

    /**
     * A condition on a field: {@code field:regex} (the regex matches from the value's start, as pywb's do),
     * {@code =field:value} (equal), {@code ~field:value} (contains), each negated by a leading {@code !}.
     */
    public record Filter(CdxField field, Kind kind, String value, boolean negated) {
        public enum Kind { REGEX, EQUALS, CONTAINS }
    }

    /** The query the parameters ask for; any of them may be null. */
    public static CdxQuery parse(String url, String matchType, String from, String to, String sort, String closest,
            List<String> filters, String fl, String limit) {
        if (url == null || url.isBlank()) {
            throw ArchiveException.invalid("url is required: the URL to list captures of (example.com/page), or a"
                    + " prefix (example.com/news/*) or domain (*.example.com)");
        }
        String u = url.strip();
        Match match = match(matchType);
        if (u.startsWith("*.")) {
            match = Match.DOMAIN;
            u = u.substring(2);
        } else if (u.endsWith("*")) {
            match = Match.PREFIX;
            u = u.substring(0, u.length() - 1);
        }
        String key = key(u, match);
        Sort order = sort(sort);
        Optional<Instant> near = Optional.ofNullable(closest).filter(c -> !c.isBlank())
                .map(c -> timestamp("closest", c, false));
        if (order == Sort.CLOSEST && near.isEmpty()) {
            throw ArchiveException.invalid("sort=closest needs closest=<timestamp> (1 to 14 digits, yyyyMMddHHmmss)");
        }
        if (order == Sort.CLOSEST && match != Match.EXACT) {
            throw ArchiveException.invalid("sort=closest works with matchType=exact only");
        }
        return new CdxQuery(key, match, Optional.ofNullable(from).filter(f -> !f.isBlank())
                .map(f -> timestamp("from", f, false)), Optional.ofNullable(to).filter(t -> !t.isBlank())
                .map(t -> timestamp("to", t, true)), order, near,
                filters == null ? List.of() : filters.stream().filter(f -> !f.isBlank()).map(CdxQuery::filter)
                        .toList(), fields(fl), limit(limit));
    }

    private static Match match(String matchType) {
        if (matchType == null || matchType.isBlank()) {
            return Match.EXACT;
        }
        try {
            return Match.valueOf(matchType.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ArchiveException.invalid("matchType '" + matchType + "' is not one of exact, prefix, host, domain");
        }
    }

    private static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.ASCENDING;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "reverse" -> Sort.REVERSE;
            case "closest" -> Sort.CLOSEST;
            default -> throw ArchiveException.invalid("sort '" + sort + "' is not reverse or closest (leave it out"
                    + " for ascending order)");
        };
    }

    /** The SURT key of the URL (exact), or the prefix its matches share. */
    static String key(String url, Match match) {
        String withScheme = url.matches("(?i)^[a-z][a-z0-9+.-]*://.*") ? url : "http://" + url;
        String surt;
        try {
            surt = CanonicalUrl.of(withScheme).surtKey();
        } catch (RuntimeException e) {
            throw ArchiveException.invalid("url '" + url + "' is not a URL this archive can key: give one like"
                    + " https://example.com/page");
        }
        int hostEnd = surt.indexOf(')');
        return switch (match) {
            case EXACT -> surt;
            // jwarc's SURT drops a path's trailing slash; a prefix ending in one keeps it (news/ is not newsletter)
            case PREFIX -> url.endsWith("/") && !surt.endsWith("/") ? surt + "/" : surt;
            case HOST -> surt.substring(0, hostEnd + 1) + "/";
            case DOMAIN -> surt.substring(0, hostEnd);
        };
    }

    /** A 1–14 digit timestamp: the earliest instant it names, or with {@code latest} the last second of it. */
    static Instant timestamp(String name, String value, boolean latest) {
        String digits = value.strip();
        if (!DIGITS.matcher(digits).matches()) {
            throw ArchiveException.invalid(name + " '" + value + "' is not a timestamp: give 1 to 14 digits,"
                    + " yyyyMMddHHmmss (2025, 202505, 20250511103000)");
        }
        String padded = digits + (latest ? "99991231235959" : "00000101000000").substring(digits.length());
        if (latest) {
            int year = Integer.parseInt(padded.substring(0, 4));
            int month = Math.min(12, Integer.parseInt(padded.substring(4, 6)));
            int day = Math.min(YearMonth.of(year, Math.max(1, month)).lengthOfMonth(),
                    Integer.parseInt(padded.substring(6, 8)));
            padded = padded.substring(0, 4) + String.format("%02d%02d", month, day) + padded.substring(8);
        }
        try {
            return LocalDateTime.parse(padded, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ArchiveException.invalid(name + " '" + value + "' is not a real time (" + padded + ")");
        }
    }

    static Filter filter(String text) {
        String f = text.strip();
        boolean negated = f.startsWith("!");
        if (negated) {
            f = f.substring(1);
        }
        Filter.Kind kind = Filter.Kind.REGEX;
        if (f.startsWith("=")) {
            kind = Filter.Kind.EQUALS;
            f = f.substring(1);
        } else if (f.startsWith("~")) {
            kind = Filter.Kind.CONTAINS;
            f = f.substring(1);
        }
        int colon = f.indexOf(':');
        if (colon < 1) {
            throw ArchiveException.invalid("filter '" + text + "' is not [!][=|~]field:value (e.g. mime:text/html,"
                    + " !status:404)");
        }
        String name = f.substring(0, colon);
        CdxField field = CdxField.of(name).orElseThrow(() -> ArchiveException.invalid("filter '" + text
                + "' names no field: use one of " + CdxField.names()));
        String value = f.substring(colon + 1);
        if (kind == Filter.Kind.REGEX) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw ArchiveException.invalid("filter '" + text + "' has a regular expression that does not parse: "
                        + e.getDescription());
            }
        }
        return new Filter(field, kind, value, negated);
    }

    static List<CdxField> fields(String fl) {
        List<CdxField> fields = new ArrayList<>();
        if (fl == null || fl.isBlank()) {
            return fields;
        }
        for (String name : fl.split(",")) {
            fields.add(CdxField.of(name).orElseThrow(() -> ArchiveException.invalid("fl names '" + name.strip()
                    + "', which is not a field: use " + CdxField.names())));
        }
        return List.copyOf(fields);
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ArchiveException.invalid("limit '" + limit + "' is not 1 to " + MAX_LIMIT + ": for more lines, page"
                + " with page and pageSize");
    }
}
