package org.palimpsest.core.capture;

import java.util.Optional;

/**
 * Where a capture came from, recorded in its provenance.
 *
 * @param channel how it arrived
 * @param agent who sent it (the authenticated principal)
 * @param reference the batch line number or the WARC file and record id, if any
 */
public record CaptureOrigin(Channel channel, String agent, Optional<String> reference) {

    public enum Channel { UPLOAD, BATCH, WARC_IMPORT }

    public static CaptureOrigin upload(String agent) {
        return new CaptureOrigin(Channel.UPLOAD, agent, Optional.empty());
    }
}
