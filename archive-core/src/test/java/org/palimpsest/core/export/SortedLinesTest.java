package org.palimpsest.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedLinesTest {

    @Test
    void linesComeOutSortedWhetherTheyFitInOneRunOrSpillToMany() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("com,example)/" + Integer.toString(i * 7919 % 1000, 36) + " 2025051110" + (i % 10) + "000");
        }
        Collections.shuffle(lines, new Random(7));
        List<String> expected = lines.stream().sorted().toList();
        for (int run : new int[] {5000, 64, 1}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SortedLines sorted = new SortedLines(run)) {
                for (String line : lines) {
                    sorted.add(line);
                }
                sorted.writeTo(out);
            }
            assertEquals(String.join("\n", expected) + "\n", out.toString(StandardCharsets.UTF_8), "runs of " + run);
        }
    }
}
