package org.palimpsest.core.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.decode.CaptureMediaType;
import org.palimpsest.core.decode.TextDecoder;
import org.palimpsest.core.diff.Deadline;
import org.palimpsest.core.diff.DiffDocument;
import org.palimpsest.core.diff.DiffGranularity;
import org.palimpsest.core.diff.DiffResult;
import org.palimpsest.core.diff.Differ;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.placement.SourceTemplates;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.VersionEntity;

/** Compares two versions or captures, by id. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiffService {

    private final Differ differ = new Differ();
    private final SourceTemplates templates;
    private final BlobStore blobs;
    private final int maxCharacters;
    private final Duration timeBudget;

    public DiffService(SourceTemplates templates, BlobStore blobs, DiffConfig config) {
        this.maxCharacters = config.maxCharacters();
        this.timeBudget = config.timeBudget();
        this.templates = templates;
        this.blobs = blobs;
    }

    /** One side of a comparison: what the id named, and where it sits. */
    public record Side(UUID id, String kind, UUID articleId, UUID versionId, Integer versionNumber,
            Instant capturedAt, DiffDocument document) {
    }

    /** The two sides and their comparison. */
    public record Comparison(Side from, Side to, DiffGranularity granularity, DiffResult result) {
    }

    public Comparison compare(UUID from, UUID to, DiffGranularity granularity, boolean raw) {
        Side a = side(from, raw, "from");
        Side b = side(to, raw, "to");
        for (Side side : List.of(a, b)) {
            long size = side.document().headline().length()
                    + side.document().paragraphs().stream().mapToLong(String::length).sum();
            if (size > maxCharacters) {
                throw new ArchiveException(ProblemKind.TOO_LARGE_TO_COMPARE, (side == a ? "from" : "to") + " ("
                        + side.kind() + " " + side.id() + ") has " + size + " characters, more than the "
                        + maxCharacters + " a comparison takes (palimpsest.diff.max-characters)"
                        + (raw ? ": compare the normalised versions instead (leave out raw=true)" : ""));
            }
        }
        return new Comparison(a, b, granularity, compare(a.document(), b.document(), granularity));
    }

    /** Compares two documents already in hand, such as neighbouring versions of a timeline, within the budget. */
    public DiffResult compare(DiffDocument from, DiffDocument to, DiffGranularity granularity) {
        try {
            return differ.diff(from, to, granularity, Deadline.in(timeBudget));
        } catch (Deadline.OutOfTime e) {
            throw new ArchiveException(ProblemKind.TOO_LARGE_TO_COMPARE, e.getMessage() + ", the most a comparison may"
                    + " take (palimpsest.diff.time-budget)" + (granularity == DiffGranularity.WORD
                    ? ": ask for granularity=sentence or paragraph, which align whole units and are far cheaper when"
                    + " much differs" : ": compare versions closer in time, or whole paragraphs (granularity=paragraph)"));
        }
    }

    private Side side(UUID id, boolean raw, String name) {
        if (!raw) {
            Optional<VersionEntity> version = VersionEntity.findByIdOptional(id);
            if (version.isPresent()) {
                VersionEntity v = version.get();
                return new Side(v.id, "version", v.articleId, v.id, v.versionNumber, v.validFrom,
                        new DiffDocument(v.headline, Json.readStrings(v.paragraphs)));
            }
        }
        CaptureEntity c = CaptureEntity.<CaptureEntity>findByIdOptional(id).orElseThrow(() -> raw
                ? ArchiveException.invalid(name + " " + id + " is not a capture: raw=true compares the raw text of two captures")
                : ArchiveException.notFound(name + " " + id + " is neither a version nor a capture in the archive"));
        Integer number = VersionEntity.<VersionEntity>findByIdOptional(c.versionId).map(v -> v.versionNumber).orElse(null);
        return new Side(c.id, "capture", c.articleId, c.versionId, number, c.capturedAt, raw ? rawText(c) : normalized(c));
    }

    private DiffDocument normalized(CaptureEntity c) {
        NormalizedCapture n = templates.normalize(c);
        return new DiffDocument(n.headline(), n.paragraphs());
    }

    private DiffDocument rawText(CaptureEntity c) {
        byte[] bytes = blobs.get(new ContentDigest(c.rawSha256)).orElseThrow();
        CaptureMediaType type = CaptureMediaType.parse(c.contentType);
        String text = TextDecoder.decode(bytes, type.declaredCharset(), type.kind() == CaptureMediaType.Kind.HTML).text();
        return new DiffDocument("", List.of(text.split("\\R", -1)));
    }
}
