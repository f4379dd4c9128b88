package org.palimpsest.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.json.Json;

class JsonlWriterTest {

    static ExportRecord record(int n, String text) {
        return new ExportRecord("article-" + n, "version-" + n, n, "sha-" + n, "Headline «" + n + "»", text,
                "source", "https://example.org/" + n, null, Instant.parse("2025-03-01T10:00:00Z").plusSeconds(n),
                n == 2 ? null : Instant.parse("2025-03-02T10:00:00.123Z"),
                List.of(new ExportRecord.Capture("capture-" + n, Instant.parse("2025-03-01T10:00:00.000123Z"),
                        "raw-" + n, "normaliser 1", n == 1 ? null : 7)));
    }

    @Test
    void eachRecordIsItsJsonOnALineOfItsOwnAndThePayloadDigestCoversExactlyThoseBytes() throws Exception {
        List<ExportRecord> records = List.of(record(1, "First paragraph.\n\nSecond, with \"quotes\" and \t tab."),
                record(2, "Ünïcödé 𝄞 and a line separator \u2028 end."), record(3, "x".repeat(20_000)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter.Records writer = new JsonlWriter().open(query(), out);
        for (ExportRecord r : records) {
            writer.write(r);
        }
        ExportManifest manifest = writer.finish(new ExportEnd("id", query(), new ExportCounts(3, 3), Instant.EPOCH));

        // Each record as the mapper writes it alone (UTF-8, astral characters escaped as surrogate pairs), a line end
        // after it: no separator before a line, no space, nothing after.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (ExportRecord r : records) {
            expected.write(Json.MAPPER.writeValueAsBytes(r));
            expected.write('\n');
        }
        byte[] bytes = expected.toByteArray();
        assertEquals(expected.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertEquals(3, out.toString(StandardCharsets.UTF_8).lines().count());
        assertEquals(ContentDigest.of(bytes).hex(), manifest.payloadSha256());
    }

    private static ExportQuery query() {
        return new ExportQuery(Optional.empty(), Optional.of("source"), Optional.empty(), Optional.empty(),
                Optional.empty(), ExportQuery.Unit.VERSION);
    }
}
