package org.palimpsest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The article text targets on the labelled set of CMS-shaped pages (issue 22): token-shingle F1 ≥ 0.96, precision
 * ≥ 0.94, recall ≥ 0.97 over the 60 pages, the headline exact and {@code datePublished} right on ≥ 95 % of the pages
 * that state them. The figures, per page and beside readability4j and plain text: {@code bin/bench-extraction}.
 */
class ExtractionTargetsTest {
    @Test
    void theCmsShapedPagesGiveTheirBodiesHeadlinesAndDatesAtTheTargets() throws IOException {
        ExtractionQuality.Measured m = ExtractionQuality.measure(Path.of("src/test/resources/cms"), false);
        assertEquals(60, m.pages().size());
        String figures = String.format("F1 %.3f, P %.3f, R %.3f", m.f1(), m.precision(), m.recall());
        assertTrue(m.f1() >= 0.96, figures);
        assertTrue(m.precision() >= 0.94, figures);
        assertTrue(m.recall() >= 0.97, figures);
        assertEquals(60, m.metadata().headlines());
        assertTrue(m.metadata().headlineShare() >= 0.95, "headlines " + m.metadata().headlineShare());
        assertTrue(m.metadata().dates() >= 50, "pages stating their date " + m.metadata().dates());
        assertTrue(m.metadata().dateShare() >= 0.95, "dates " + m.metadata().dateShare());
    }
}
