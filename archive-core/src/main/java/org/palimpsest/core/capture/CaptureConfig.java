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

    default CaptureLimits limits() {
        return new CaptureLimits(maxSize().asLongValue(), clockSkew());
    }
}
