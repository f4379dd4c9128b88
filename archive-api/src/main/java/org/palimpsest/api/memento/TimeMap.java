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
        Memento best = first();
        for (Memento m : mementos) {
            if (Duration.between(m.datetime(), t).abs().compareTo(Duration.between(best.datetime(), t).abs()) < 0) {
                best = m;
            }
        }
        return best;
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
