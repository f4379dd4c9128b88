package org.palimpsest.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditorialNoticeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Correction: An earlier version of this story misstated a figure.|CORRECTION",
        "Correction (May 12): The ministry's figure was 127,000, not 120,000.|CORRECTION",
        "CORRECTIONS — This story misspelled the minister's name.|CORRECTION",
        "Clarification: The talks were held in Istanbul, not Ankara.|CLARIFICATION",
        "Update: Russia rejected the proposal on Monday evening.|UPDATE",
        "UPDATE — The ministry later confirmed the figure.|UPDATE",
        "Updated at 14:00: Adds the Kremlin's response.|UPDATE",
        "Editor's note: This article has been updated with a statement from the ministry.|EDITORS_NOTE",
        "Editor’s Note: Names have been changed to protect the sources.|EDITORS_NOTE",
        "Editors' note: The interview was conducted in Ukrainian.|EDITORS_NOTE",
        "This story has been updated with comments from the ministry.|UPDATE",
        "This article was updated on May 12 to include new casualty figures.|UPDATE",
        "An earlier version of this article misstated the date of the call.|CORRECTION",
        "A previous version of this report gave the wrong figure.|CORRECTION",
        "This article was amended on 12 May 2025 to correct the spelling of a name.|CORRECTION",
        "This story has been corrected.|CORRECTION",
        "Retraction: The Kyiv Independent retracts this article.|RETRACTION",
        "This article has been retracted.|RETRACTION"})
    void commonShapesAreNoticesOfTheirKind(String line, EditorialNotice.Kind kind) {
        assertEquals(Optional.of(new EditorialNotice(kind, line)), EditorialNotice.of(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Russia's foreign ministry issued a correction to its earlier statement.",
        "Zelensky, Biden discuss security, diplomacy, aid to Ukraine",
        "Updates from the front line are published every morning.",
        "This story begins in a village near Kharkiv.",
        "An earlier meeting between the two presidents took place in Geneva.",
        "Editorial: Europe must act now",
        "Most Popular",
        "Read More: Correction: the ministry's numbers were wrong"})
    void ordinaryLinesAreNotNotices(String line) {
        assertEquals(Optional.empty(), EditorialNotice.of(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Correction: An earlier version of this story misstated a figure. The story has been updated.",
        "Editor's note: This article has been updated."})
    void aNoticeInTheBodyIsKeptAndNeverCountedForTheTemplate(String notice) {
        Normalizer normalizer = new Normalizer(NormalizationRules.DEFAULT);
        String text = "Ticker line above the headline\nTalks resume in Istanbul\n\nDelegations met on Monday.\n"
                + notice + "\nMost Popular\nAnother story\n";
        var extraction = org.palimpsest.core.decode.Extractor.extract(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                org.palimpsest.core.decode.CaptureMediaType.parse("text/plain; charset=utf-8"));
        Template learned = new Template(new java.util.TreeMap<>(), new java.util.TreeMap<>(
                java.util.Map.of(Canonical.of(notice), 5)));
        NormalizedCapture n = normalizer.normalize(extraction, learned);
        assertEquals("Talks resume in Istanbul", n.headline());
        assertEquals(List.of("Delegations met on Monday.", notice), n.paragraphs());
        assertEquals(List.of("Delegations met on Monday."), n.bodyCanonical());
        assertEquals(List.of(new EditorialNotice(EditorialNotice.of(notice).orElseThrow().kind(), notice)),
                EditorialNotice.in(n.paragraphs()));
    }
}
