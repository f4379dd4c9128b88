package org.palimpsest.core.capture;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Capture intake rules ({@code palimpsest.capture.*}). */
@ConfigMapping(prefix = "palimpsest.capture")
public interface CaptureConfig {

    /** The largest capture accepted; larger ones are refused with 413. */
    @WithDefault("10M")
    MemorySize maxSize();

    /**
     * The longest line of an NDJSON batch; a longer one is answered with its own 413 and skipped unread. A capture's
     * bytes as {@code contentBase64} take 4/3 of their size, so the default leaves room for a capture at the 10M limit.
     */
    @WithDefault("16M")
    MemorySize maxBatchLine();

    /** How far in the future a capture time may lie before it is refused (crawler clocks drift). */
    @WithDefault("PT1M")
    Duration clockSkew();

    /**
     * How long one ingest may take, in seconds, before its transaction is rolled back. Most take milliseconds; one
     * whose capture makes the source's template learn a line re-derives the whole source, which at ten thousand
     * captures a source takes minutes, longer than the transaction manager's default of 60 s.
     */
    @WithDefault("900")
    int transactionTimeoutSeconds();

    /** Captures accepted now and placed later ({@code Prefer: respond-async}). */
    Inbox inbox();

    /** {@code palimpsest.capture.inbox.*} */
    interface Inbox {
        /** Whether this node places accepted captures (every node accepts them). */
        @WithDefault("true")
        boolean drainEnabled();

        /**
         * How many threads of this node place accepted captures, each a round at a time: while one waits on
         * PostgreSQL, another works. Their rounds hold different captures; a source whose lock another holds is placed
         * after the round's other sources.
         */
        @WithDefault("2")
        int threads();

        /** The most captures placed in one round. */
        @WithDefault("500")
        int roundCaptures();

        /** The most bytes of content placed in one round (past its first capture): a round is held in memory. */
        @WithDefault("16M")
        MemorySize roundBytes();

        /**
         * The shortest time between the starts of two rounds. Captures sent one at a time wake the drain one by one;
         * gathered for this long they are placed a group a source, at the cost a capture of a batch, not of a single
         * capture placed on its own. The client's answer does not wait for it.
         */
        @WithDefault("PT0.5S")
        Duration minRoundInterval();

        /** How often the inbox is looked at when no capture accepted here woke the drain (other nodes' captures). */
        @WithDefault("PT1S")
        Duration pollEvery();

        /**
         * How long a thread holds the captures of its round before another may take them: as long as a captures'
         * wait when PostgreSQL fails mid-round (their lease cannot be given back then). Most rounds take a second; one
         * that re-derives a large source takes minutes, and a second thread taking its captures then waits on the
         * source's lock and finds them stored — it costs a wait, not a second placement.
         */
        @WithDefault("PT2M")
        Duration lease();

        /** How long captures that could not be stored (the database or blob store failed) wait to be tried again. */
        @WithDefault("PT10S")
        Duration retryAfter();
    }

    default CaptureLimits limits() {
        return new CaptureLimits(maxSize().asLongValue(), clockSkew());
    }
}
