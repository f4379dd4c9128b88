package org.palimpsest.api.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.capture.InboxState;

class CaptureLookupTest {
    private static final UUID ID = UUID.fromString("3adef6b2-f1ea-4ee2-9304-5189dedf2d8f");

    @Test
    void aCapturePlacedBetweenTheArchivesReadAndTheInboxsIsFoundStored() {
        // The drain moves the capture from the inbox into the archive in one transaction, committed after the
        // archive was read and before the inbox is: the archive answers "none" first and the capture the next time.
        Deque<Optional<String>> archive = new ArrayDeque<>(List.of(Optional.empty(), Optional.of("the capture")));
        assertEquals(Optional.of(new CaptureLookup.Stored<>("the capture")),
                CaptureLookup.find(ID, id -> archive.isEmpty() ? Optional.of("the capture") : archive.poll(),
                        id -> Optional.empty()));
    }

    @Test
    void aCaptureWaitingInTheInboxIsFoundAccepted() {
        InboxState pending = new InboxState.Pending(ID, "kyiv-independent", "https://kyivindependent.com/a",
                Instant.parse("2025-05-11T09:30:00Z"));
        assertEquals(Optional.of(new CaptureLookup.Accepted<String>(pending)),
                CaptureLookup.find(ID, id -> Optional.<String>empty(), id -> Optional.of(pending)));
    }

    @Test
    void aCaptureStoredIsReadOnceAndTheInboxNotAtAll() {
        int[] reads = new int[2];
        assertEquals(Optional.of(new CaptureLookup.Stored<>("the capture")), CaptureLookup.find(ID, id -> {
            reads[0]++;
            return Optional.of("the capture");
        }, id -> {
            reads[1]++;
            return Optional.empty();
        }));
        assertEquals(List.of(1, 0), List.of(reads[0], reads[1]));
    }

    @Test
    void aCaptureNeitherStoredNorAcceptedIsNotFound() {
        assertEquals(Optional.empty(), CaptureLookup.find(ID, id -> Optional.<String>empty(), id -> Optional.empty()));
    }
}
