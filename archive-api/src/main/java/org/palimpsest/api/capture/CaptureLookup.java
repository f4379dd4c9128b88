package org.palimpsest.api.capture;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.palimpsest.core.capture.InboxState;

/** Where a capture asked for by id is: stored in the archive, or still in (or answered by) the inbox. */
final class CaptureLookup {

    /** A capture stored in the archive ({@code V}: its view), or an accepted one the inbox answers for. */
    sealed interface Found<V> {
    }

    record Stored<V>(V view) implements Found<V> {
    }

    record Accepted<V>(InboxState state) implements Found<V> {
    }

    private CaptureLookup() {
    }

    /**
     * The capture under {@code id}, from the archive ({@code stored}) or the inbox; empty when neither has it. The
     * drain moves a capture from the inbox into the archive in one transaction, which may commit between the two
     * reads: when the inbox has nothing, the archive is read again, so a capture placed meanwhile is found, never
     * answered 404. A stored capture, the common case, costs one read.
     */
    static <V> Optional<Found<V>> find(UUID id, Function<UUID, Optional<V>> stored,
            Function<UUID, Optional<InboxState>> inbox) {
        Optional<V> view = stored.apply(id);
        if (view.isEmpty()) {
            Optional<InboxState> state = inbox.apply(id);
            if (state.isPresent()) {
                return Optional.of(new Accepted<>(state.get()));
            }
            view = stored.apply(id);
        }
        return view.map(Stored::new);
    }
}
