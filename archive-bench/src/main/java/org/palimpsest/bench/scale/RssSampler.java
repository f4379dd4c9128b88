package org.palimpsest.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples a process's resident set size from /proc every 200 ms and keeps the largest value seen. */
final class RssSampler implements AutoCloseable {
    private final Path status;
    private final Thread thread;
    private volatile long maxKb;

    RssSampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.thread = new Thread(this::run, "rss-sampler");
        this.thread.setDaemon(true);
        if (pid > 0) {
            thread.start();
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        maxKb = Math.max(maxKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    double maxMb() {
        return maxKb == 0 ? Double.NaN : maxKb / 1024.0;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
