package org.palimpsest.core.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Lines sorted with bounded memory (an external merge sort): up to {@code runLines} are held and sorted at a time,
 * each full run spilled to a temporary file, and the runs merged when the lines are written out. Removes its files
 * when closed.
 */
final class SortedLines implements Closeable {
    private final int runLines;
    private final List<String> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();

    SortedLines(int runLines) {
        this.runLines = runLines;
    }

    void add(String line) throws IOException {
        buffer.add(line);
        if (buffer.size() >= runLines) {
            spill();
        }
    }

    /** Writes every line added, in order, each ended by a newline. */
    void writeTo(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (runs.isEmpty()) {
            buffer.sort(null);
            for (String line : buffer) {
                writer.write(line);
                writer.write('\n');
            }
            writer.flush();
            return;
        }
        spill();
        record Head(String line, BufferedReader reader) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.line().compareTo(b.line()));
        List<BufferedReader> readers = new ArrayList<>();
        try {
            for (Path run : runs) {
                BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                readers.add(reader);
                String first = reader.readLine();
                if (first != null) {
                    heads.add(new Head(first, reader));
                }
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                writer.write(head.line());
                writer.write('\n');
                String next = head.reader().readLine();
                if (next != null) {
                    heads.add(new Head(next, head.reader()));
                }
            }
            writer.flush();
        } finally {
            for (BufferedReader reader : readers) {
                reader.close();
            }
        }
    }

    private void spill() throws IOException {
        buffer.sort(null);
        Path run = Files.createTempFile("palimpsest-sort-", ".run");
        runs.add(run);
        Files.write(run, buffer, StandardCharsets.UTF_8);
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        buffer.clear();
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }
}
