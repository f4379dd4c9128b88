package org.palimpsest.core.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far in time a standby is behind its primary, worked out from WAL positions alone (no clock on the standby is
 * trusted, and an idle primary does not look like a lagging standby): the primary's write position is sampled over
 * time, and a standby that has replayed up to a position misses only what the primary wrote after it was last seen at
 * or before that position. The answer is an upper bound, too high by at most the time between two samples.
 */
final class ReplayLag {
    /** Samples kept: at one a second, a quarter of an hour; a standby further behind is reported as at least that. */
    static final int KEPT = 1000;

    private record Sample(long position, Instant lastSeen) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** The primary was at {@code position} at {@code at}. */
    synchronized void primaryAt(long position, Instant at) {
        Sample last = samples.peekLast();
        if (last != null && position <= last.position()) {
            samples.pollLast();
            samples.addLast(new Sample(last.position(), at));
            return;
        }
        samples.addLast(new Sample(position, at));
        if (samples.size() > KEPT) {
            samples.pollFirst();
        }
    }

    /** How long ago the primary last was where a standby that has replayed up to {@code replayed} stands; zero if caught up. */
    synchronized Duration behind(long replayed, Instant now) {
        Sample last = samples.peekLast();
        if (last == null || replayed >= last.position()) {
            return Duration.ZERO;
        }
        Instant covered = null;
        for (Sample s : samples) {
            if (s.position() > replayed) {
                break;
            }
            covered = s.lastSeen();
        }
        // Behind every sample kept: at least as old as the oldest of them.
        Instant since = covered != null ? covered : samples.peekFirst().lastSeen();
        return Duration.between(since, now).isNegative() ? Duration.ZERO : Duration.between(since, now);
    }
}
