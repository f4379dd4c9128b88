package org.palimpsest.core.capture;

/** Where a capture's time came from. */
public enum CaptureTimeOrigin {
    /** Given with the capture ({@code capturedAt}, WARC-Date). */
    REQUEST,
    /** Read from a header inside the captured text. */
    HEADER,
    /** Neither was there: the time of ingest. */
    INGEST
}
