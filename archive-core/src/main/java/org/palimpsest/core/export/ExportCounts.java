package org.palimpsest.core.export;

/** How much an export held: its records (versions, or captures with {@code unit=capture}) and captures. */
public record ExportCounts(long records, long captures) {
}
