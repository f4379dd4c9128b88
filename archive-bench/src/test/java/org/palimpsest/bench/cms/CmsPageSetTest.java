package org.palimpsest.bench.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsPageSetTest {
    static final Path COMMITTED = Path.of("src/test/resources/cms");

    @Test
    void theCommittedLabelledSetIsWhatTheGeneratorWritesFromItsSeed(@TempDir Path dir) throws IOException {
        CmsPageSet.main(new String[] {dir.toString()});
        assertEquals(Files.readString(COMMITTED.resolve("ground-truth.json")),
                Files.readString(dir.resolve("ground-truth.json")));
        try (Stream<Path> pages = Files.list(COMMITTED.resolve("html"))) {
            assertEquals(60, pages.peek(p -> {
                try {
                    assertEquals(Files.readString(p), Files.readString(dir.resolve("html").resolve(p.getFileName())),
                            p.getFileName().toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count());
        }
    }
}
