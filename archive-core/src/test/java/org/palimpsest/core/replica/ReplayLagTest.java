package org.palimpsest.core.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayLagTest {
    static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aStandbyAtThePrimarysPositionIsNotBehind() {
        ReplayLag lag = new ReplayLag();
        lag.primaryAt(1000, at(0));
        assertEquals(Duration.ZERO, lag.behind(1000, at(5000)));
        assertEquals(Duration.ZERO, lag.behind(1200, at(5000)));
    }

    @Test
    void anIdlePrimaryDoesNotMakeAStandbyLookBehind() {
        ReplayLag lag = new ReplayLag();
        for (int s = 0; s <= 60; s++) {
            lag.primaryAt(1000, at(s * 1000L));
        }
        // The primary wrote at 60.5 s; a standby still at 1000 misses only what came after 60 s.
        lag.primaryAt(2000, at(61_000));
        assertEquals(Duration.ofMillis(2000), lag.behind(1000, at(62_000)));
    }

    @Test
    void theLagIsMeasuredFromTheLastTimeThePrimaryStoodWhereTheStandbyIs() {
        ReplayLag lag = new ReplayLag();
        lag.primaryAt(100, at(0));
        lag.primaryAt(200, at(1000));
        lag.primaryAt(300, at(2000));
        lag.primaryAt(400, at(3000));
        assertEquals(Duration.ofMillis(2500), lag.behind(250, at(3500)));
        assertEquals(Duration.ofMillis(1500), lag.behind(300, at(3500)));
        assertEquals(Duration.ZERO, lag.behind(400, at(3500)));
    }

    @Test
    void aStandbyBehindEverySampleKeptIsAtLeastAsOldAsTheOldest() {
        ReplayLag lag = new ReplayLag();
        for (int i = 1; i <= ReplayLag.KEPT + 10; i++) {
            lag.primaryAt(i * 10L, at(i * 1000L));
        }
        // The oldest kept sample is the 11th (10 were dropped), seen at 11 s.
        Instant now = at((ReplayLag.KEPT + 20L) * 1000);
        assertEquals(Duration.between(at(11_000), now), lag.behind(5, now));
    }
}
