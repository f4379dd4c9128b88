package org.palimpsest.api.capture;

import java.time.Instant;
import java.util.UUID;

/**
 * A capture accepted to be placed later ({@code Prefer: respond-async}), as its address answers until it is placed:
 * {@code status} is {@code pending}.
 */
public record AcceptedView(UUID captureId, String status, String source, String url, Instant receivedAt) {

    static AcceptedView pending(UUID captureId, String source, String url, Instant receivedAt) {
        return new AcceptedView(captureId, "pending", source, url, receivedAt);
    }
}
