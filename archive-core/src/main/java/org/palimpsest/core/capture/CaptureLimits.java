package org.palimpsest.core.capture;

import java.time.Duration;

/**
 * The rules a capture must keep.
 *
 * @param maxBytes the largest capture accepted
 * @param clockSkew how far in the future a capture time may lie, for crawlers whose clocks run a little fast
 */
public record CaptureLimits(long maxBytes, Duration clockSkew) {
}
