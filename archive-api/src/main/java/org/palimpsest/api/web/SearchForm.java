package org.palimpsest.api.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.palimpsest.api.search.SearchParams;

/**
 * The search form of the web pages as the browser sent it. Date fields come from {@code datetime-local} inputs,
 * which carry no zone: they are read as UTC, as the labels say. Links to other pages of the same search, to a facet
 * and to an export are built from here.
 */
public record SearchForm(
        String q, String source, String from, String to, String asOf, boolean allVersions, String sort, int page) {
    static final int SIZE = 20;
    private static final Pattern LOCAL_MINUTES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern LOCAL_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** A hidden form field. */
    public record Field(String name, String value) {
    }

    /** Whether the form asked for anything (an empty form shows no results). */
    public boolean submitted() {
        return q != null || !fields().isEmpty();
    }

    public SearchParams params() {
        return new SearchParams(q, source, iso(from), iso(to), iso(asOf), allVersions, sort, page, SIZE, List.of(),
                null);
    }

    public String fromInput() {
        return input(from);
    }

    public String toInput() {
        return input(to);
    }

    public String asOfInput() {
        return input(asOf);
    }

    /** The value a {@code datetime-local} input shows for a date field given in either form. */
    static String input(String value) {
        String iso = iso(value);
        if (iso == null) {
            return "";
        }
        try {
            return INPUT.format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    public boolean hasNext(long total) {
        return (long) (page + 1) * SIZE < total;
    }

    public String pageHref(int number) {
        return "/search?" + query(with("page", number == 0 ? null : Integer.toString(number)));
    }

    public String sourceHref(String key) {
        return "/search?" + query(with("source", key, "page", null));
    }

    /** This search narrowed to versions captured in one month ({@code yyyy-MM}, as the month facet names it). */
    public String monthHref(String month) {
        YearMonth m = YearMonth.parse(month);
        return "/search?" + query(with("from", m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
                "to", m.atEndOfMonth().atTime(23, 59, 59).toInstant(ZoneOffset.UTC).toString(), "page", null));
    }

    public String exportHref() {
        return "/export?" + query(with("page", null, "sort", null));
    }

    /** The filters an export takes, as hidden fields with ISO-8601 times. */
    public List<Field> exportFields() {
        List<Field> out = new ArrayList<>();
        for (Map.Entry<String, String> e : fields().entrySet()) {
            if (!e.getKey().equals("page") && !e.getKey().equals("sort") && !e.getKey().equals("allVersions")) {
                out.add(new Field(e.getKey(), e.getKey().equals("q") || e.getKey().equals("source") ? e.getValue()
                        : iso(e.getValue())));
            }
        }
        return out;
    }

    /** The non-empty fields, in form order. */
    private Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "q", q);
        put(f, "source", source);
        put(f, "from", from);
        put(f, "to", to);
        put(f, "asOf", asOf);
        put(f, "allVersions", allVersions ? "true" : null);
        put(f, "sort", "relevance".equals(sort) ? null : sort);
        put(f, "page", page == 0 ? null : Integer.toString(page));
        return f;
    }

    private Map<String, String> with(String... pairs) {
        Map<String, String> f = fields();
        for (int i = 0; i < pairs.length; i += 2) {
            put(f, pairs[i], pairs[i + 1]);
            if (pairs[i + 1] == null) {
                f.remove(pairs[i]);
            }
        }
        return f;
    }

    private static void put(Map<String, String> f, String name, String value) {
        if (value != null && !value.isBlank()) {
            f.put(name, value);
        }
    }

    private static String query(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    /** A {@code datetime-local} value (no zone) read as UTC; anything else is left for the API's own checks. */
    static String iso(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (LOCAL_MINUTES.matcher(v).matches()) {
            v = v + ":00";
        }
        if (LOCAL_SECONDS.matcher(v).matches()) {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toString();
        }
        return v;
    }
}
