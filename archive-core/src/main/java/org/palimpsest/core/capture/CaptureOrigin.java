package org.palimpsest.core.capture;

import java.util.Optional;

/**
 * Where a capture came from, recorded in its provenance.
 *
 * @param channel how it arrived
 * @param agent who sent it (the authenticated principal)
 * @param reference the batch line number or the WARC file and record id, if any
 * @param warc for a capture imported from a WARC or ARC file, the record it was read from
 */
public record CaptureOrigin(Channel channel, String agent, Optional<String> reference, Optional<WarcProvenance> warc) {

    public enum Channel { UPLOAD, BATCH, WARC_IMPORT }

    public static CaptureOrigin upload(String agent) {
        return new CaptureOrigin(Channel.UPLOAD, agent, Optional.empty(), Optional.empty());
    }

    public static CaptureOrigin batchLine(String agent, long line) {
        return new CaptureOrigin(Channel.BATCH, agent, Optional.of("line " + line), Optional.empty());
    }

    public static CaptureOrigin warc(String agent, WarcProvenance record) {
        return new CaptureOrigin(Channel.WARC_IMPORT, agent, Optional.of(record.file() + " " + record.recordId()),
                Optional.of(record));
    }
}
