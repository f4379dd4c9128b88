package org.palimpsest.api.web;

import java.util.Arrays;
import java.util.List;
import org.palimpsest.core.diff.ChangeKind;

/** The filters of the changes page as the form sends them: a source, kinds to tick, stealth edits only or not. */
public record ChangeForm(String source, List<String> kinds, String stealth) {
    static final int SIZE = 50;

    public ChangeForm {
        source = source == null ? "" : source.strip();
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        stealth = stealth == null ? "" : stealth.strip();
    }

    /** A kind to tick, and whether it is ticked. */
    public record Option(String label, boolean checked) {
    }

    public List<Option> options() {
        return Arrays.stream(ChangeKind.values()).map(k -> new Option(k.label(), kinds.contains(k.label()))).toList();
    }

    public boolean stealthOnly() {
        return stealth.equals("true");
    }

    String stealthChosen() {
        return stealth.isEmpty() ? null : stealth;
    }
}
