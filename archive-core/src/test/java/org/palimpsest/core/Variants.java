package org.palimpsest.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The variants of sample 000 in test resources (see variants/make-variants.py for how each was made). */
public final class Variants {
    private Variants() {
    }

    public static String text(String name) {
        try (InputStream in = Variants.class.getResourceAsStream("/variants/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no variant " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
