package org.palimpsest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the API process and by all PostgreSQL processes, read from /proc (user + system time,
 * in clock ticks of 1/100 s), so that a stretch of ingest can be charged to the process that did the work.
 */
public final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;
    private final long apiPid;

    public CpuMeter(long apiPid) {
        this.apiPid = apiPid;
    }

    /** A reading: CPU seconds of the API and of PostgreSQL. */
    public record Reading(double api, double postgres) {
        public Reading minus(Reading earlier) {
            return new Reading(api - earlier.api, postgres - earlier.postgres);
        }
    }

    public Reading read() {
        double postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String stat = stat(p);
                if (stat != null && stat.contains("(postgres)")) {
                    postgres += seconds(stat);
                }
            }
        } catch (IOException e) {
            return new Reading(Double.NaN, Double.NaN);
        }
        return new Reading(seconds(apiPid), postgres);
    }

    /** CPU seconds used so far by one process; NaN when there is no such process (or no pid was given). */
    public static double seconds(long pid) {
        String stat = pid > 0 ? stat(Path.of("/proc", Long.toString(pid))) : null;
        return stat == null ? Double.NaN : seconds(stat);
    }

    private static String stat(Path process) {
        try {
            return Files.readString(process.resolve("stat"));
        } catch (IOException e) {
            return null; // the process ended meanwhile
        }
    }

    /** utime + stime: fields 14 and 15, counted after the parenthesised command name. */
    private static double seconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }
}
