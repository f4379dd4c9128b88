package org.palimpsest.api.memento;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palimpsest.api.http.HttpDates;

/** Builds RFC 7089 Link values: rels for the same target are combined ({@code rel="first prev memento"}). */
final class MementoLinks {
    static final String LINK_FORMAT = "application/link-format";

    private final String base;
    private final TimeMap map;

    MementoLinks(String base, TimeMap map) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.map = map;
    }

    String timegate() {
        return base + "/memento/timegate/" + map.original();
    }

    String timemap() {
        return base + "/memento/timemap/link/" + map.original();
    }

    String memento(Memento m) {
        return base + "/memento/" + m.timestamp() + "/" + map.original();
    }

    /** The Link header of a TimeGate answer. */
    String forTimeGate() {
        return "<" + map.original() + ">; rel=\"original\", <" + timemap() + ">; rel=\"timemap\"; type=\"" + LINK_FORMAT + "\"";
    }

    /** The Link header of a memento: original, timegate, timemap, and first, last, previous and next mementos. */
    String forMemento(Memento m) {
        Map<Memento, Set<String>> rels = new LinkedHashMap<>();
        rels.computeIfAbsent(map.first(), k -> new LinkedHashSet<>()).add("first");
        map.previous(m).ifPresent(p -> rels.computeIfAbsent(p, k -> new LinkedHashSet<>()).add("prev"));
        map.next(m).ifPresent(n -> rels.computeIfAbsent(n, k -> new LinkedHashSet<>()).add("next"));
        rels.computeIfAbsent(map.last(), k -> new LinkedHashSet<>()).add("last");
        List<String> links = new ArrayList<>(List.of("<" + map.original() + ">; rel=\"original\"",
                "<" + timegate() + ">; rel=\"timegate\"",
                "<" + timemap() + ">; rel=\"timemap\"; type=\"" + LINK_FORMAT + "\""));
        rels.forEach((memento, r) -> links.add("<" + memento(memento) + ">; rel=\"" + String.join(" ", r)
                + " memento\"; datetime=\"" + HttpDates.format(memento.datetime()) + "\""));
        return String.join(", ", links);
    }

    /** The link-format TimeMap document. */
    String timeMapDocument() {
        List<String> lines = new ArrayList<>();
        lines.add("<" + map.original() + ">; rel=\"original\"");
        lines.add("<" + timemap() + ">; rel=\"self\"; type=\"" + LINK_FORMAT + "\"; from=\""
                + HttpDates.format(map.first().datetime()) + "\"; until=\"" + HttpDates.format(map.last().datetime()) + "\"");
        lines.add("<" + timegate() + ">; rel=\"timegate\"");
        for (Memento m : map.mementos()) {
            String rel = map.mementos().size() == 1 ? "first last memento"
                    : m.equals(map.first()) ? "first memento" : m.equals(map.last()) ? "last memento" : "memento";
            lines.add("<" + memento(m) + ">; rel=\"" + rel + "\"; datetime=\"" + HttpDates.format(m.datetime()) + "\"");
        }
        return String.join(",\n", lines) + "\n";
    }
}
