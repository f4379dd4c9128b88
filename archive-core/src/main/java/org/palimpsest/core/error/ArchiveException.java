package org.palimpsest.core.error;

/**
 * A refusal whose message says what to fix. Messages reach clients as the problem's {@code detail},
 * so they never carry class names or stack traces.
 */
public class ArchiveException extends RuntimeException {
    private final ProblemKind kind;

    public ArchiveException(ProblemKind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    public static ArchiveException invalid(String detail) {
        return new ArchiveException(ProblemKind.INVALID_INPUT, detail);
    }

    public static ArchiveException notFound(String detail) {
        return new ArchiveException(ProblemKind.NOT_FOUND, detail);
    }
}
