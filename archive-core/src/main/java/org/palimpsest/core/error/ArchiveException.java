package org.palimpsest.core.error;

import java.util.OptionalInt;

/**
 * A refusal whose message says what to fix. Messages reach clients as the problem's {@code detail},
 * so they never carry class names or stack traces.
 */
public class ArchiveException extends RuntimeException {
    private final ProblemKind kind;
    private final OptionalInt retryAfterSeconds;

    public ArchiveException(ProblemKind kind, String detail) {
        this(kind, detail, OptionalInt.empty());
    }

    private ArchiveException(ProblemKind kind, String detail, OptionalInt retryAfterSeconds) {
        super(detail);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** How long a client should wait before trying again, where waiting is the remedy (sent as Retry-After). */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The archive is busy with as much of this work as it takes at once: try again after {@code seconds}. */
    public static ArchiveException busy(String detail, int seconds) {
        return new ArchiveException(ProblemKind.UNAVAILABLE, detail, OptionalInt.of(seconds));
    }

    public static ArchiveException invalid(String detail) {
        return new ArchiveException(ProblemKind.INVALID_INPUT, detail);
    }

    public static ArchiveException notFound(String detail) {
        return new ArchiveException(ProblemKind.NOT_FOUND, detail);
    }
}
