package org.palimpsest.api.memento;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The mementos of one original resource in time order, and RFC 7089's choices among them. */
public record TimeMap(String original, List<Memento> mementos) {

    public TimeMap {
        if (mementos.isEmpty()) {
            throw new IllegalArgumentException("a TimeMap has at least one memento");
        }
    }

    public Memento first() {
        return mementos.get(0);
    }

    public Memento last() {
        return mementos.get(mementos.size() - 1);
    }

    /** The memento closest to {@code t}; before the first or after the last gives the first or the last. */
    public Memento closest(Instant t) {
        Optional<Memento> atOrBefore = Optional.empty();
        Optional<Memento> after = Optional.empty();
        for (Memento m : mementos) {
            if (!m.datetime().isAfter(t)) {
                if (atOrBefore.isEmpty() || m.datetime().isAfter(atOrBefore.get().datetime())) {
                    atOrBefore = Optional.of(m);
                }
            } else if (after.isEmpty()) {
                after = Optional.of(m);
            }
        }
        return closer(atOrBefore, after, t);
    }

    /**
     * Of the latest memento at or before {@code t} and the earliest after it (at least one given), the closer to
     * {@code t}; on a tie the earlier, as it comes first in the TimeMap.
     */
    public static Memento closer(Optional<Memento> atOrBefore, Optional<Memento> after, Instant t) {
        if (atOrBefore.isEmpty() || after.isEmpty()) {
            return atOrBefore.or(() -> after).orElseThrow();
        }
        Duration back = Duration.between(atOrBefore.get().datetime(), t);
        Duration ahead = Duration.between(t, after.get().datetime());
        return back.compareTo(ahead) <= 0 ? atOrBefore.get() : after.get();
    }

    /** The memento at exactly this second, if any. */
    public Optional<Memento> at(String timestamp) {
        return mementos.stream().filter(m -> m.timestamp().equals(timestamp)).findFirst();
    }

    public Optional<Memento> previous(Memento m) {
        int i = mementos.indexOf(m);
        return i > 0 ? Optional.of(mementos.get(i - 1)) : Optional.empty();
    }

    public Optional<Memento> next(Memento m) {
        int i = mementos.indexOf(m);
        return i >= 0 && i < mementos.size() - 1 ? Optional.of(mementos.get(i + 1)) : Optional.empty();
    }
}
