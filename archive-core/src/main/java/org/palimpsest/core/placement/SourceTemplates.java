package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.normalize.Zone;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;

/**
 * Sources' stored templates: read (each parsed once while its row is unchanged), written back (a change of lines is a
 * new template version, and every version's lines are kept by digest), and applied to stored captures.
 */
@ApplicationScoped
public class SourceTemplates {
    private final SourceDerivation derivation;
    private final Map<String, ParsedTemplate> parsed = new ConcurrentHashMap<>();
    /** Earlier templates by source and digest: a digest names its lines for good. */
    private final Map<String, Template> history = new ConcurrentHashMap<>();
    private final EntityManager em;

    public SourceTemplates(NormalizeConfig config, EntityManager em) {
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
        this.em = em;
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
            Sql.statement(em, "insert into source_template (source, digest, template)"
                            + " values (?1, ?2, cast(?3 as jsonb)) on conflict do nothing")
                    .setParameter(1, src.key).setParameter(2, digest).setParameter(3, Json.write(template))
                    .executeUpdate();
        }
        recount(src, template);
    }

    /**
     * Stores a template with the same lines and new article counts (no new version), kept parsed beside the row's
     * text (the source's row, re-read from PostgreSQL, comes back in {@code jsonb}'s own layout and is parsed again).
     */
    void recount(SourceEntity src, Template template) {
        String json = Json.write(template);
        if (!Json.sameValue(json, src.template)) {
            src.template = json;
        }
        parsed.put(src.key, new ParsedTemplate(src.template, template));
    }

    /**
     * The lines in one of the source's templates and not the other, in either zone, or empty when the source's
     * template with digest {@code earlier} is not known (a capture read before templates were kept). A capture holding
     * none of them reads the same under both.
     */
    Optional<Set<ZoneLine>> linesBetween(SourceEntity src, String earlier) {
        Template before = earlier == null ? null : history.computeIfAbsent(src.key + '/' + earlier, k -> {
            List<?> found = Sql.statement(em, "select cast(template as text) from source_template where source = ?1"
                    + " and digest = ?2").setParameter(1, src.key).setParameter(2, earlier).getResultList();
            return found.isEmpty() ? null : Json.read((String) found.get(0), Template.class);
        });
        if (before == null) {
            return Optional.empty();
        }
        Template now = of(src);
        Set<ZoneLine> between = new HashSet<>();
        for (Zone zone : Zone.values()) {
            Set<String> a = zone.lines(before).keySet();
            Set<String> b = zone.lines(now).keySet();
            a.stream().filter(l -> !b.contains(l)).forEach(l -> between.add(ZoneLine.of(zone, l)));
            b.stream().filter(l -> !a.contains(l)).forEach(l -> between.add(ZoneLine.of(zone, l)));
        }
        return Optional.of(between);
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
