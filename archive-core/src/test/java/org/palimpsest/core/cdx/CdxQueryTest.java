package org.palimpsest.core.cdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.error.ArchiveException;

class CdxQueryTest {

    @Test
    void aShortTimestampIsTheFirstSecondOfItsSpanAsFromAndTheLastAsTo() {
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), CdxQuery.timestamp("from", "2025", false));
        assertEquals(Instant.parse("2025-12-31T23:59:59Z"), CdxQuery.timestamp("to", "2025", true));
        assertEquals(Instant.parse("2025-02-28T23:59:59Z"), CdxQuery.timestamp("to", "202502", true));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), CdxQuery.timestamp("to", "202402", true));
        assertEquals(Instant.parse("2025-05-11T10:30:00Z"), CdxQuery.timestamp("from", "202505111030", false));
        assertEquals(Instant.parse("2025-05-11T10:30:59Z"), CdxQuery.timestamp("to", "202505111030", true));
        assertThrows(ArchiveException.class, () -> CdxQuery.timestamp("from", "2025-05", false));
        assertThrows(ArchiveException.class, () -> CdxQuery.timestamp("from", "20251301", false));
    }

    @Test
    void urlsAndTheirWildcardsBecomeSurtKeysAndPrefixes() {
        assertEquals("com,example)/news/a", CdxQuery.key("https://www.example.com/news/a", CdxQuery.Match.EXACT));
        assertEquals("com,example)/news/a", CdxQuery.key("example.com/news/a", CdxQuery.Match.EXACT));
        assertEquals("com,example)/news/", CdxQuery.key("example.com/news/", CdxQuery.Match.PREFIX));
        assertEquals("com,example)/", CdxQuery.key("example.com/news/a", CdxQuery.Match.HOST));
        assertEquals("com,example", CdxQuery.key("example.com", CdxQuery.Match.DOMAIN));
        CdxQuery star = CdxQuery.parse("*.example.com", null, null, null, null, null, null, null, null);
        assertEquals(CdxQuery.Match.DOMAIN, star.match());
        assertEquals("com,example", star.key());
        CdxQuery prefix = CdxQuery.parse("example.com/news/*", null, null, null, null, null, null, null, null);
        assertEquals(CdxQuery.Match.PREFIX, prefix.match());
        assertEquals("com,example)/news/", prefix.key());
    }

    @Test
    void filtersReadNegationEqualityAndContainment() {
        assertEquals(new CdxQuery.Filter(CdxField.MIME, CdxQuery.Filter.Kind.REGEX, "warc/.*", true),
                CdxQuery.filter("!mime:warc/.*"));
        assertEquals(new CdxQuery.Filter(CdxField.STATUS, CdxQuery.Filter.Kind.EQUALS, "200", false),
                CdxQuery.filter("=status:200"));
        assertEquals(new CdxQuery.Filter(CdxField.URL, CdxQuery.Filter.Kind.CONTAINS, "news", false),
                CdxQuery.filter("~url:news"));
        assertEquals(List.of(CdxField.TIMESTAMP, CdxField.DIGEST), CdxQuery.fields("timestamp, digest"));
        assertThrows(ArchiveException.class, () -> CdxQuery.filter("mime:[unclosed"));
    }
}
