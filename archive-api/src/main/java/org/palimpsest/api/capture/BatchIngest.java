package org.palimpsest.api.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.palimpsest.api.problem.Problem;
import org.palimpsest.core.article.CaptureReader;
import org.palimpsest.core.article.CaptureView;
import org.palimpsest.core.capture.CaptureConfig;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.capture.CaptureRequest;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.DatabaseOutage;
import org.palimpsest.core.error.ProblemKind;

/**
 * Ingests an NDJSON batch a chunk of lines at a time (each source's captures of a chunk in one transaction, see
 * {@link CaptureService#ingestAll}) and streams one result line per input line, in order: the capture JSON with its
 * {@code status}, or a problem naming the line. A bad line does not spoil the others.
 */
@ApplicationScoped
public class BatchIngest {
    private static final Logger LOG = Logger.getLogger(BatchIngest.class);
    /** Lines read before they are stored together; fewer when they are large. */
    static final int CHUNK_LINES = 100;
    static final long CHUNK_CHARS = 8_000_000;

    private final CaptureService captures;
    private final CaptureReader reader;
    private final ObjectMapper json;

    private final long maxLineBytes;

    public BatchIngest(CaptureService captures, CaptureReader reader, ObjectMapper json, CaptureConfig config) {
        this.captures = captures;
        this.reader = reader;
        this.json = json;
        this.maxLineBytes = config.maxBatchLine().asLongValue();
    }

    /** A line of the batch: its text, or (null) why it is refused unread. */
    private record Line(int number, String text, ArchiveException refusal) {
    }

    public void ingest(InputStream body, OutputStream output, String agent) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, maxLineBytes);
        List<Line> chunk = new ArrayList<>();
        long chars = 0;
        int number = 0;
        for (NdjsonLines.Line read = lines.next(); read != null; read = lines.next()) {
            number++;
            Line line = read.tooLong() ? tooLong(number, read.length()) : line(number, read.bytes());
            if (line.text() != null && line.text().isBlank()) {
                continue;
            }
            chunk.add(line);
            chars += read.tooLong() ? 0 : read.length();
            if (chunk.size() >= CHUNK_LINES || chars >= CHUNK_CHARS) {
                write(results(chunk, agent), output);
                chunk.clear();
                chars = 0;
            }
        }
        write(results(chunk, agent), output);
    }

    private void write(List<Object> results, OutputStream output) throws IOException {
        for (Object result : results) {
            output.write(json.writeValueAsBytes(result));
            output.write('\n');
        }
        output.flush();
    }

    private List<Object> results(List<Line> chunk, String agent) {
        Object[] results = new Object[chunk.size()];
        List<CaptureRequest> requests = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Line line = chunk.get(i);
            try {
                if (line.refusal() != null) {
                    throw line.refusal();
                }
                BatchLine in = parse(line.text());
                requests.add(new CaptureRequest(in.source(), Optional.ofNullable(in.url()),
                        Optional.ofNullable(in.capturedAt()), in.contentType(), content(in),
                        CaptureOrigin.batchLine(agent, line.number())));
                positions.add(i);
            } catch (ArchiveException e) {
                results[i] = Problem.of(e).atLine(line.number());
            }
        }
        List<CaptureService.Outcome> outcomes;
        try {
            outcomes = captures.ingestAll(requests);
        } catch (RuntimeException e) { // the chunk as a whole: every line of it failed alike
            outcomes = requests.stream().map(r -> new CaptureService.Outcome(null, e)).toList();
        }
        Map<UUID, CaptureView> stored;
        try {
            stored = reader.captures(outcomes.stream().filter(o -> o.failure() == null)
                    .map(o -> o.result().captureId()).toList());
        } catch (RuntimeException e) { // stored, but not read back: the lines say so with the capture's id
            LOG.warnf("the captures of a batch chunk were stored but could not be read back: %s", e.getMessage());
            stored = Map.of();
        }
        for (int k = 0; k < outcomes.size(); k++) {
            int i = positions.get(k);
            results[i] = result(outcomes.get(k), stored, chunk.get(i).number());
        }
        return List.of(results);
    }

    private Object result(CaptureService.Outcome outcome, Map<UUID, CaptureView> stored, int number) {
        try {
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            CaptureView view = stored.get(outcome.result().captureId());
            ObjectNode node = view == null ? json.createObjectNode().put("captureId",
                    outcome.result().captureId().toString()) : json.valueToTree(view);
            node.put("line", number);
            node.put("status", outcome.result().created() ? 201 : 200);
            return node;
        } catch (ArchiveException e) {
            return Problem.of(e).atLine(number);
        } catch (RuntimeException e) {
            if (DatabaseOutage.causes(e)) {
                return Problem.of(DatabaseOutage.refusal()).atLine(number);
            }
            LOG.errorf(e, "batch line %d failed", number);
            return Problem.of(500, "internal", "Internal error", "this line was not stored; try it again")
                    .atLine(number);
        }
    }

    /**
     * A line's text, strictly UTF-8: a line with bytes that are not is refused, never read with replacement
     * characters (a capture's exact bytes travel as {@code contentBase64}).
     */
    private static Line line(int number, byte[] bytes) {
        try {
            return new Line(number, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, ArchiveException.invalid("the line is not valid UTF-8: send a capture's"
                    + " text as UTF-8, or its exact bytes as contentBase64"));
        }
    }

    /** A line past the limit, refused by its length alone: its bytes were skipped, never held. */
    private Line tooLong(int number, long length) {
        return new Line(number, null, new ArchiveException(ProblemKind.TOO_LARGE, "the line has " + length
                + " bytes, more than a batch line may have (" + maxLineBytes + ", palimpsest.capture.max-batch-line):"
                + " send a capture this large on its own to POST /api/captures, or raise the limit"));
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
