package org.palimpsest.api.memento;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeMapTest {
    static final Memento TEN = memento(1, "2025-05-11T10:00:00Z");
    static final Memento TEN_TWIN = memento(2, "2025-05-11T10:00:00Z");
    static final Memento ELEVEN = memento(3, "2025-05-11T11:00:00Z");
    static final TimeMap MAP = new TimeMap("https://example.org/a", List.of(TEN, TEN_TWIN, ELEVEN));

    static Memento memento(long id, String at) {
        return new Memento(new UUID(0, id), Instant.parse(at));
    }

    @Test
    void closestIsTheNearestAndTheFirstOfTheTimeMapOnATie() {
        assertEquals(TEN, MAP.closest(Instant.parse("2025-05-11T10:29:59Z")));
        assertEquals(TEN, MAP.closest(Instant.parse("2025-05-11T10:30:00Z")), "as close to both: the earlier");
        assertEquals(ELEVEN, MAP.closest(Instant.parse("2025-05-11T10:30:01Z")));
        assertEquals(TEN, MAP.closest(Instant.parse("2025-05-11T10:00:00Z")), "two at one time: the first listed");
        assertEquals(TEN, MAP.closest(Instant.parse("2000-01-01T00:00:00Z")));
        assertEquals(ELEVEN, MAP.closest(Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void closerChoosesBetweenTheNeighboursATimeGateReads() {
        Instant half = Instant.parse("2025-05-11T10:30:00Z");
        assertEquals(TEN, TimeMap.closer(Optional.of(TEN), Optional.of(ELEVEN), half));
        assertEquals(ELEVEN, TimeMap.closer(Optional.of(TEN), Optional.of(ELEVEN), half.plusSeconds(1)));
        assertEquals(ELEVEN, TimeMap.closer(Optional.empty(), Optional.of(ELEVEN), half));
        assertEquals(TEN, TimeMap.closer(Optional.of(TEN), Optional.empty(), half));
    }
}
