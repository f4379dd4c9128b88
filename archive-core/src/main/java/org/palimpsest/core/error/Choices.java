package org.palimpsest.core.error;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Reading one of a closed set of names from a request, with a refusal that lists the names to use. */
public final class Choices {
    private Choices() {
    }

    /**
     * The value whose label is {@code input} (case and surrounding space ignored); else a 400 problem:
     * "{what} '{input}' is not known: use a, b or c".
     */
    public static <E> E parse(String what, String input, List<E> values, Function<E, String> label) {
        String wanted = input.strip().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (label.apply(value).equals(wanted)) {
                return value;
            }
        }
        List<String> labels = values.stream().map(label).toList();
        String use = labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
        throw ArchiveException.invalid(what + " '" + input + "' is not known: use " + use);
    }
}
