package org.palimpsest.api.memento;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palimpsest.api.http.HttpDates;
import org.palimpsest.api.http.Links;

/** Builds RFC 7089 Link values: rels for the same target are combined ({@code rel="first prev memento"}). */
final class MementoLinks {
    static final String LINK_FORMAT = "application/link-format";

    /** The link relation types of RFC 7089 (section 2.2) and RFC 5988 that Memento answers use. */
    static final String ORIGINAL = "original";
    static final String TIMEGATE = "timegate";
    static final String TIMEMAP = "timemap";
    static final String MEMENTO = "memento";
    static final String FIRST = "first";
    static final String LAST = "last";
    static final String PREV = "prev";
    static final String NEXT = "next";
    static final String SELF = "self";

    private final String base;
    private final TimeMap map;

    MementoLinks(String base, TimeMap map) {
        this.base = Links.withoutTrailingSlash(base);
        this.map = map;
    }

    String timegate() {
        return base + "/memento/timegate/" + map.original();
    }

    String timemap() {
        return base + "/memento/timemap/link/" + map.original();
    }

    String memento(Memento m) {
        return base + Memento.path(m.datetime(), map.original());
    }

    /** The Link header of a TimeGate answer. */
    String forTimeGate() {
        return link(map.original(), ORIGINAL) + ", " + link(timemap(), TIMEMAP) + type();
    }

    /** The Link header of a memento: original, timegate, timemap, and first, last, previous and next mementos. */
    String forMemento(Memento m) {
        Map<Memento, Set<String>> rels = new LinkedHashMap<>();
        rels.computeIfAbsent(map.first(), k -> new LinkedHashSet<>()).add(FIRST);
        map.previous(m).ifPresent(p -> rels.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(PREV));
        map.next(m).ifPresent(n -> rels.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(NEXT));
        rels.computeIfAbsent(map.last(), k -> new LinkedHashSet<>()).add(LAST);
        List<String> links = new ArrayList<>(List.of(link(map.original(), ORIGINAL), link(timegate(), TIMEGATE),
                link(timemap(), TIMEMAP) + type()));
        rels.forEach((memento, r) -> links.add(mementoLink(memento, String.join(" ", r) + " " + MEMENTO)));
        return String.join(", ", links);
    }

    /** The link-format TimeMap document. */
    String timeMapDocument() {
        List<String> lines = new ArrayList<>();
        lines.add(link(map.original(), ORIGINAL));
        lines.add(link(timemap(), SELF) + type() + "; from=\"" + HttpDates.format(map.first().datetime())
                + "\"; until=\"" + HttpDates.format(map.last().datetime()) + "\"");
        lines.add(link(timegate(), TIMEGATE));
        for (Memento m : map.mementos()) {
            List<String> rel = new ArrayList<>();
            if (m.equals(map.first())) {
                rel.add(FIRST);
            }
            if (m.equals(map.last())) {
                rel.add(LAST);
            }
            rel.add(MEMENTO);
            lines.add(mementoLink(m, String.join(" ", rel)));
        }
        return String.join(",\n", lines) + "\n";
    }

    private static String link(String target, String rel) {
        return "<" + target + ">; rel=\"" + rel + "\"";
    }

    private static String type() {
        return "; type=\"" + LINK_FORMAT + "\"";
    }

    private String mementoLink(Memento m, String rel) {
        return link(memento(m), rel) + "; datetime=\"" + HttpDates.format(m.datetime()) + "\"";
    }
}
