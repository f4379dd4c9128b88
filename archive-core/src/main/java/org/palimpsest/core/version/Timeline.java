package org.palimpsest.core.version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An article's versions in capture-time order. A version is a distinct content digest; it holds from the first
 * capture showing it until the next capture showing something else, and may hold again later (A, then B, then A
 * again gives version A two intervals). Version numbers follow first appearance.
 */
public final class Timeline {

    /** One capture on the timeline: {@code key} orders captures taken at the same instant. */
    public record Entry(String key, Instant capturedAt, String digest) {
    }

    /** A half-open interval {@code [from, to)}; {@code to} is empty while the version is current. */
    public record Interval(Instant from, Optional<Instant> to) {
        public boolean contains(Instant t) {
            return !t.isBefore(from) && to.map(t::isBefore).orElse(true);
        }
    }

    /** A version: its digest, number, intervals, its first capture (whose text it shows) and all its captures. */
    public record Version(String digest, int number, List<Interval> intervals, String firstCapture, List<String> captures) {
        public Instant validFrom() {
            return intervals.get(0).from();
        }

        public Optional<Instant> validTo() {
            return intervals.get(intervals.size() - 1).to();
        }
    }

    private Timeline() {
    }

    public static List<Version> of(List<Entry> entries) {
        List<Entry> ordered = entries.stream()
                .sorted(Comparator.comparing(Entry::capturedAt).thenComparing(Entry::key)).toList();
        record Builder(String digest, int number, List<Interval> intervals, String first, List<String> captures) {
        }
        Map<String, Builder> versions = new LinkedHashMap<>();
        Builder current = null;
        Instant runStart = null;
        for (Entry e : ordered) {
            if (current == null || !current.digest().equals(e.digest())) {
                if (current != null) {
                    current.intervals().add(new Interval(runStart, Optional.of(e.capturedAt())));
                }
                current = versions.computeIfAbsent(e.digest(), d -> new Builder(d, versions.size() + 1,
                        new ArrayList<>(), e.key(), new ArrayList<>()));
                runStart = e.capturedAt();
            }
            current.captures().add(e.key());
        }
        if (current != null) {
            current.intervals().add(new Interval(runStart, Optional.empty()));
        }
        List<Version> out = new ArrayList<>();
        for (Builder b : versions.values()) {
            out.add(new Version(b.digest(), b.number(), dropEmpty(b.intervals()), b.first(), List.copyOf(b.captures())));
        }
        return out;
    }

    /** Captures at the same instant with different digests give zero-length intervals; keep only real ones. */
    private static List<Interval> dropEmpty(List<Interval> intervals) {
        List<Interval> kept = intervals.stream()
                .filter(i -> i.to().map(to -> to.isAfter(i.from())).orElse(true)).toList();
        return kept.isEmpty() ? List.of(intervals.get(0)) : kept;
    }
}
