package org.palimpsest.core.capture;

import java.time.Instant;

/**
 * The inbox at a glance, for operators: captures accepted and waiting to be placed, the oldest of them (null when
 * none waits) and its age in seconds, and captures refused when they were placed.
 */
public record InboxStatus(long waiting, Instant oldestWaiting, double lagSeconds, long refused) {
}
