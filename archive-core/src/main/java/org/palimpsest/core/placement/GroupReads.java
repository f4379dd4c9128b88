package org.palimpsest.core.placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.palimpsest.core.identity.Lsh;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.placement.TemplateLines.LineCount;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.VersionEntity;

/**
 * What placing a group of one source's captures reads about the articles they name, read for the whole group in a
 * few statements before the first is placed ({@link GroupPrefetch}) instead of a few statements for each capture.
 * An append keeps the answers true by saying what its article now is ({@link #appended}), and so does a re-assembly
 * of one article ({@link #reassembled}); once a capture takes another path (a template growth, a new first capture
 * or a re-derivation can change any article of the source) nothing read ahead holds: the caller reads again for the
 * captures still to place ({@link #stale}). What it no longer holds, or never read, is read as before
 * ({@code read}).
 *
 * <p>With the source's template, it also holds each capture's text ({@link Text}), the live versions its LSH band
 * keys lead to, the counts of its lines and which of the group's articles hold them; an append keeps these true by
 * adding what it wrote (a new version's bands, an article's new lines), so they hold until a capture takes another
 * path or the template changes.
 */
public final class GroupReads {
    private static final GroupReads NONE = new GroupReads(Map.of(), Map.of(), Map.of());

    private final Map<String, ArticleEntity> articleByKey;
    private final Map<UUID, List<StoredMember>> members;
    private final Map<UUID, Map<String, VersionEntity>> versions;
    private boolean stale;
    private String templateDigest; // the template the texts were read with; null: no texts read ahead
    private final Map<String, Text> texts = new HashMap<>();
    private final Map<Long, List<Candidate>> candidates = new HashMap<>();
    private final Map<String, LineCount> counts = new HashMap<>();
    private final Map<UUID, Set<String>> held = new HashMap<>();

    /** A capture's text under the group's template: normalised, its MinHash signature, its template lines. */
    record Text(NormalizedCapture normalized, int[] signature, Set<ZoneLine> lines) {
        static Text of(NormalizedCapture normalized) {
            return new Text(normalized, MinHash.signature(normalized.canonicalBody()), TemplateLines.of(normalized));
        }
    }

    /** A live version of the source, as similarity needs it. */
    record Candidate(UUID version, UUID article, int[] signature) {
    }

    /**
     * {@code articleByKey}: for each identity key looked up, its live article or null (none when read);
     * {@code members} and {@code versions}: each of those articles' captures and live versions by digest.
     */
    GroupReads(Map<String, ArticleEntity> articleByKey, Map<UUID, List<StoredMember>> members,
            Map<UUID, Map<String, VersionEntity>> versions) {
        this.articleByKey = new HashMap<>(articleByKey);
        this.members = new HashMap<>(members);
        this.versions = new HashMap<>(versions);
    }

    /** Nothing read ahead: every question is read when asked. */
    public static GroupReads none() {
        return NONE;
    }

    /** The live article with this identity key, or null. */
    ArticleEntity article(String identityKey, Supplier<ArticleEntity> read) {
        return stale || !articleByKey.containsKey(identityKey) ? read.get()
                : articleByKey.get(identityKey);
    }

    /** The article's captures, as {@link ArticleAppend} reads them. */
    List<StoredMember> members(UUID article, Function<UUID, List<StoredMember>> read) {
        return !stale && members.containsKey(article) ? members.get(article) : read.apply(article);
    }

    /** The article's live versions by digest. */
    Map<String, VersionEntity> versions(UUID article, Function<UUID, Map<String, VersionEntity>> read) {
        return !stale && versions.containsKey(article) ? new HashMap<>(versions.get(article))
                : read.apply(article);
    }

    /**
     * The texts read ahead, read with the template of digest {@code templateDigest}: {@code texts} by capture id;
     * {@code candidates}, for every band key of those texts, the live versions filed under it; {@code counts}, for
     * every line of those texts by {@link ZoneLine#key}, how many articles hold it ({@link LineCount#NONE} for none);
     * {@code held}, for articles of the group, which of those lines each holds.
     */
    void readTexts(String templateDigest, Map<String, Text> texts, Map<Long, List<Candidate>> candidates,
            Map<String, LineCount> counts, Map<UUID, Set<String>> held) {
        this.templateDigest = templateDigest;
        this.texts.putAll(texts);
        candidates.forEach((k, v) -> this.candidates.put(k, new ArrayList<>(v)));
        this.counts.putAll(counts);
        held.forEach((k, v) -> this.held.put(k, new HashSet<>(v)));
    }

    /** The capture's text under the template of digest {@code templateDigest}, or null when not read ahead with it. */
    Text text(String captureId, String templateDigest) {
        return stale ? null : textRead(captureId, templateDigest);
    }

    /**
     * The capture's text as read under the template of digest {@code templateDigest}, stale or not (a text is the
     * capture read with the template's lines, which the digest names), or null.
     */
    Text textRead(String captureId, String templateDigest) {
        return this.templateDigest == null || !this.templateDigest.equals(templateDigest) ? null
                : texts.get(captureId);
    }

    /** The live versions filed under any of the band keys (each once), or null when not all of them were read. */
    Collection<Candidate> candidates(List<Long> bandKeys) {
        if (stale || templateDigest == null || !candidates.keySet().containsAll(bandKeys)) {
            return null;
        }
        return distinct(bandKeys, candidates);
    }

    /** The versions filed under any of the band keys in {@code byKey}, each once. */
    static Collection<Candidate> distinct(List<Long> bandKeys, Map<Long, List<Candidate>> byKey) {
        Map<UUID, Candidate> found = new LinkedHashMap<>();
        bandKeys.forEach(k -> byKey.getOrDefault(k, List.of()).forEach(c -> found.putIfAbsent(c.version(), c)));
        return found.values();
    }

    /**
     * The counts of the lines with {@code article} holding them ({@link TemplateLines#countsWith}), or null when not
     * all of them, or not the article's holdings, were read.
     */
    TemplateLines.Counts counts(Collection<ZoneLine> lines, UUID article) {
        if (stale || templateDigest == null || article != null && !held.containsKey(article)
                || !lines.stream().allMatch(l -> counts.containsKey(l.key()))) {
            return null;
        }
        Set<String> holds = article == null ? Set.of() : held.get(article);
        return TemplateLines.counted(lines, article == null, l -> counts.get(l.key()), l -> holds.contains(l.key()));
    }

    /** A version was created with these bands: later captures of the group find it as a candidate. */
    void filed(UUID version, UUID article, int[] signature, List<Long> bandKeys) {
        if (this == NONE) {
            return;
        }
        Candidate candidate = new Candidate(version, article, signature);
        bandKeys.forEach(k -> {
            List<Candidate> under = candidates.get(k);
            if (under != null) {
                under.add(candidate);
            }
        });
    }

    /** Lines were written as new to the article ({@code bornWith}: it is a new article, born with them). */
    void linesAdded(UUID article, Collection<ZoneLine> lines, boolean bornWith) {
        if (this == NONE) {
            return;
        }
        for (ZoneLine line : lines) {
            counts.computeIfPresent(line.key(), (k, c) -> c.plus(bornWith));
        }
        Set<String> holds = bornWith ? held.computeIfAbsent(article, k -> new HashSet<>()) : held.get(article);
        if (holds != null) {
            lines.forEach(l -> holds.add(l.key()));
        }
    }

    /**
     * A capture was appended to the article (perhaps a new one): what it now is — its captures, as {@link #members}
     * answers them, and its live versions by digest — so that a later capture of the group appended to it reads
     * them here.
     */
    void appended(ArticleEntity article, List<StoredMember> members, Map<String, VersionEntity> versions) {
        if (this != NONE) {
            articleByKey.put(article.identityKey, article);
            this.members.put(article.id, List.copyOf(members));
            this.versions.put(article.id, Map.copyOf(versions));
        }
    }

    /**
     * The article was re-assembled from its captures, the group's capture among them ({@code live}: its live versions
     * now). Only its own answers changed: its captures and versions are read again when asked, and the versions it
     * offers as candidates are its live ones. Its lines are what an append adds ({@link #linesAdded}): the capture
     * falls inside the article's time span, so the lines it was born with stay.
     */
    void reassembled(ArticleEntity article, Collection<VersionEntity> live) {
        if (this == NONE) {
            return;
        }
        articleByKey.values().removeIf(a -> a != null && a.id.equals(article.id));
        articleByKey.put(article.identityKey, article);
        members.remove(article.id);
        versions.remove(article.id);
        candidates.values().forEach(under -> under.removeIf(c -> c.article().equals(article.id)));
        for (VersionEntity v : live) {
            int[] signature = MinHash.fromBytes(v.signature);
            filed(v.id, article.id, signature, Lsh.bandKeys(signature));
        }
    }

    /** A capture was placed otherwise than by appending: nothing read ahead holds any more. */
    void changedOtherwise() {
        if (this != NONE) {
            stale = true;
        }
    }

    /** Whether a capture was placed otherwise than by appending since these were read: they hold no more. */
    public boolean stale() {
        return stale;
    }
}
