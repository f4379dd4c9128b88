package org.palimpsest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    /** A /proc/<pid>/stat line with the given parent, utime, stime, cutime and cstime (ticks); the rest zeros. */
    private static String stat(long pid, long parent, long utime, long stime, long cutime, long cstime) {
        return pid + " (postgres) S " + parent + " 0 0 0 -1 4194560 0 0 0 0 " + utime + " " + stime + " " + cutime
                + " " + cstime + " 20 0 1 0 100 0 0";
    }

    @Test
    void postgresCountsLiveProcessesAndThePostmastersReapedChildren() {
        Map<Long, String> stats = Map.of(
                100L, stat(100, 1, 50, 25, 700, 300), // the postmaster: its children that ended used 10 s
                101L, stat(101, 100, 120, 30, 0, 0),
                102L, stat(102, 100, 40, 10, 5, 5)); // a backend's own reaped children are the postmaster's to count

        assertEquals((50 + 25 + 700 + 300 + 120 + 30 + 40 + 10) / 100.0, CpuMeter.postgresSeconds(stats), 1e-9);
    }

    @Test
    void aProcessThatEndsBetweenTwoReadingsKeepsItsTime() {
        Map<Long, String> before = Map.of(
                100L, stat(100, 1, 10, 0, 0, 0),
                103L, stat(103, 100, 200, 50, 0, 0)); // an autovacuum worker, alive
        Map<Long, String> after = Map.of(
                100L, stat(100, 1, 10, 0, 210, 50)); // it ended after 10 more ticks and was reaped

        assertEquals(0.10, CpuMeter.postgresSeconds(after) - CpuMeter.postgresSeconds(before), 1e-9);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsSkipped() {
        Map<Long, String> stats = Map.of(7L, "7 (postgres: x (y)) S 1 0 0 0 -1 0 0 0 0 0 3 4 5 6 20 0 1 0 1 0 0");

        assertEquals(0.18, CpuMeter.postgresSeconds(stats), 1e-9);
    }
}
