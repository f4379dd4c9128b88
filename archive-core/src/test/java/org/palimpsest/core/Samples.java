package org.palimpsest.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.Extractor;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.digest.ContentDigest;

/** The five sample captures in docs/samples, and variants built from them. */
public final class Samples {
    public static final CaptureMediaType PLAIN = CaptureMediaType.parse("text/plain; charset=utf-8");

    private Samples() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("palimpsest.samples", "../docs/samples"));
    }

    public static List<Path> files() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(int index) {
        try {
            return Files.readString(files().get(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files().size(); i++) {
            out.add(text(i));
        }
        return out;
    }

    /** A capture of {@code text} at {@code at}, without a URL. */
    public static SourceCapture capture(String text, Instant at) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = ContentDigest.of(bytes).hex();
        return new SourceCapture(sha + "@" + at, at, sha, Optional.empty(), Optional.empty(),
                Extractor.extract(bytes, PLAIN));
    }
}
