package org.palimpsest.core.replica;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the read replica looked like at its last check: its state, how far behind the primary it was (null when not
 * known), the bound reads allow, and why it is not answering reads when it is not.
 */
public record ReplicaStatus(State state, Long lagMillis, long maxLagMillis, Instant checkedAt, String problem,
        long readsFromReplica, long readsFromPrimary) {

    public enum State {
        /** No replica is configured: every read goes to the primary. */
        OFF,
        /** Configured, not checked yet. */
        STARTING,
        /** A hot standby within the lag bound: it answers the read endpoints. */
        STREAMING,
        /** A standby further behind than the bound: reads go to the primary until it catches up. */
        LAGGING,
        /** Not reachable, or not a standby any more (promoted): reads go to the primary. */
        DOWN
    }

    /** Whether the read endpoints read from the replica now. */
    @JsonProperty("servesReads")
    public boolean servesReads() {
        return state == State.STREAMING;
    }

    ReplicaStatus withReads(long fromReplica, long fromPrimary) {
        return new ReplicaStatus(state, lagMillis, maxLagMillis, checkedAt, problem, fromReplica, fromPrimary);
    }
}
