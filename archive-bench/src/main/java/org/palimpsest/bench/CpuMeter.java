package org.palimpsest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by the API process and by all PostgreSQL processes, read from /proc (user + system time,
 * in clock ticks of 1/100 s), so that a stretch of ingest can be charged to the process that did the work.
 * <p>
 * PostgreSQL's figure counts the processes that ended too: the live processes' own time, plus the time of the
 * children each postmaster has reaped (fields 16 and 17 of its stat). Without the second part, a short-lived process
 * (an autovacuum worker, the backend of a connection opened and closed between two readings) was counted while it
 * lived and taken away again when it ended, and a window could read negative.
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
        Map<Long, String> postgres = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String stat = stat(p);
                if (stat != null && stat.contains("(postgres)")) {
                    postgres.put(Long.parseLong(p.getFileName().toString()), stat);
                }
            }
        } catch (IOException e) {
            return new Reading(Double.NaN, Double.NaN);
        }
        return new Reading(seconds(apiPid), postgresSeconds(postgres));
    }

    /**
     * The CPU seconds of a set of PostgreSQL processes (their /proc stat lines by pid), ended ones included: each
     * process's own time, and for each postmaster (a process whose parent is not in the set) its reaped children's.
     */
    static double postgresSeconds(Map<Long, String> stats) {
        long ticks = 0;
        for (String stat : stats.values()) {
            String[] f = fields(stat);
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (!stats.containsKey(Long.parseLong(f[1]))) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** CPU seconds used so far by one process; NaN when there is no such process (or no pid was given). */
    public static double seconds(long pid) {
        String stat = pid > 0 ? stat(Path.of("/proc", Long.toString(pid))) : null;
        if (stat == null) {
            return Double.NaN;
        }
        String[] f = fields(stat);
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    private static String stat(Path process) {
        try {
            return Files.readString(process.resolve("stat"));
        } catch (IOException e) {
            return null; // the process ended meanwhile
        }
    }

    /**
     * The fields after the parenthesised command name (which may hold spaces): index 0 is field 3 (the state), 1 the
     * parent's pid, 11 and 12 utime and stime (fields 14 and 15), 13 and 14 cutime and cstime (16 and 17).
     */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
