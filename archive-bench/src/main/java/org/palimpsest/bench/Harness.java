package org.palimpsest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the load harnesses share: {@code --name=value} arguments and the sample captures' text. */
public final class Harness {
    private Harness() {
    }

    public static String arg(String[] args, String name, String def) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return def;
    }

    /** The sample captures ({@code *.txt} in {@code dir}), in name order. */
    public static List<String> samples(String dir) throws IOException {
        List<String> samples = new ArrayList<>();
        try (var files = Files.list(Path.of(dir))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                samples.add(Files.readString(p));
            }
        }
        return samples;
    }
}
