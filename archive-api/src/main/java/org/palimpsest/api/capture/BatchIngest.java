package org.palimpsest.api.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.palimpsest.api.problem.Problem;
import org.palimpsest.core.article.ArchiveReader;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.capture.CaptureRequest;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.capture.IngestResult;
import org.palimpsest.core.error.ArchiveException;

/**
 * Ingests an NDJSON batch line by line, each line in its own transaction, and streams one result line per input
 * line, in order: the capture JSON with its {@code status}, or a problem naming the line.
 */
@ApplicationScoped
public class BatchIngest {
    private static final Logger LOG = Logger.getLogger(BatchIngest.class);

    private final CaptureService captures;
    private final ArchiveReader reader;
    private final ObjectMapper json;

    public BatchIngest(CaptureService captures, ArchiveReader reader, ObjectMapper json) {
        this.captures = captures;
        this.reader = reader;
        this.json = json;
    }

    public void ingest(InputStream body, OutputStream output, String agent) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            output.write(json.writeValueAsBytes(result(line, number, agent)));
            output.write('\n');
            output.flush();
        }
    }

    private Object result(String line, int number, String agent) {
        try {
            BatchLine in = parse(line);
            byte[] content = content(in);
            IngestResult result = captures.ingest(new CaptureRequest(in.source(), Optional.ofNullable(in.url()),
                    Optional.ofNullable(in.capturedAt()), in.contentType(), content,
                    new CaptureOrigin(CaptureOrigin.Channel.BATCH, agent, Optional.of("line " + number))));
            ObjectNode node = json.valueToTree(reader.capture(result.captureId()).orElseThrow());
            node.put("line", number);
            node.put("status", result.created() ? 201 : 200);
            return node;
        } catch (ArchiveException e) {
            return Problem.of(e).atLine(number);
        } catch (RuntimeException e) {
            LOG.errorf(e, "batch line %d failed", number);
            return Problem.of(500, "internal", "Internal error", "this line was not stored; try it again")
                    .atLine(number);
        }
    }

    private BatchLine parse(String line) {
        try {
            return json.readValue(line, BatchLine.class);
        } catch (JsonProcessingException e) {
            throw ArchiveException.invalid("not a JSON object with source, contentType and content: "
                    + e.getOriginalMessage());
        }
    }

    private static byte[] content(BatchLine in) {
        if (in.content() != null && in.contentBase64() != null) {
            throw ArchiveException.invalid("give either content or contentBase64, not both");
        }
        if (in.contentBase64() != null) {
            try {
                return Base64.getDecoder().decode(in.contentBase64());
            } catch (IllegalArgumentException e) {
                throw ArchiveException.invalid("contentBase64 is not valid base64: " + e.getMessage());
            }
        }
        return in.content() == null ? new byte[0] : in.content().getBytes(StandardCharsets.UTF_8);
    }
}
