package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;

/**
 * Sources' stored templates: read (each parsed once while its row is unchanged), written back (a change of lines is a
 * new template version), and applied to stored captures.
 */
@ApplicationScoped
public class SourceTemplates {
    private final SourceDerivation derivation;
    private final Map<String, ParsedTemplate> parsed = new ConcurrentHashMap<>();

    public SourceTemplates(NormalizeConfig config) {
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
    }

    /**
     * A template as read from its row and as parsed. The text is compared with the row's each time, so a template
     * changed elsewhere is parsed again.
     */
    private record ParsedTemplate(String json, Template template) {
    }

    /** The source's stored template. */
    public Template of(SourceEntity src) {
        ParsedTemplate cached = parsed.get(src.key);
        if (cached == null || !cached.json().equals(src.template)) {
            cached = new ParsedTemplate(src.template, Json.read(src.template, Template.class));
            parsed.put(src.key, cached);
        }
        return cached.template();
    }

    /** Stores a source's template; a change of its lines is a new template version. */
    public void update(SourceEntity src, Template template, Instant now) {
        String digest = template.digest();
        if (!digest.equals(src.templateDigest)) {
            src.templateVersion++;
            src.templateDigest = digest;
            src.updatedAt = now;
        }
        recount(src, template);
    }

    /**
     * Stores a template with the same lines and new article counts (no new version). The parsed copy is dropped:
     * PostgreSQL gives {@code jsonb} back in its own layout, which is parsed the next time.
     */
    void recount(SourceEntity src, Template template) {
        String json = Json.write(template);
        if (!Json.sameValue(json, src.template)) {
            src.template = json;
        }
        parsed.remove(src.key);
    }

    /** A stored capture read with its source's stored template, as the archive reads it now. */
    public NormalizedCapture normalize(CaptureEntity c) {
        SourceEntity src = SourceEntity.findById(c.source);
        return normalize(sourceCapture(c), of(src));
    }

    /** A capture read with a template (the stored one, or one it is about to grow into). */
    NormalizedCapture normalize(SourceCapture capture, Template template) {
        return derivation.normalize(capture, template);
    }

    /** A stored capture as derivation sees it. */
    public static SourceCapture sourceCapture(CaptureEntity c) {
        return new SourceCapture(c.id.toString(), c.capturedAt, c.rawSha256, Optional.ofNullable(c.url),
                Optional.ofNullable(c.urlKey), Json.read(c.extracted, Extraction.class));
    }
}
