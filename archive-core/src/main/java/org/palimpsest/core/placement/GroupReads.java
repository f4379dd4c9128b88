package org.palimpsest.core.placement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.VersionEntity;

/**
 * What placing a group of one source's captures reads about the articles they name, read for the whole group in a
 * few statements before the first is placed ({@link GroupPrefetch}) instead of a few statements for each capture.
 * Each answer holds until the group changes what it was read from: an article (and its identity key) once a capture
 * has been appended to it, everything once a capture took another path (re-assembly, growth, a re-derivation can
 * change any article of the source). What it no longer holds, or never read, is read as before ({@code read}).
 */
public final class GroupReads {
    private static final GroupReads NONE = new GroupReads(Map.of(), Map.of(), Map.of());

    private final Map<String, ArticleEntity> articleByKey;
    private final Map<UUID, List<StoredMember>> members;
    private final Map<UUID, Map<String, VersionEntity>> versions;
    private final Set<String> changedKeys = new HashSet<>();
    private final Set<UUID> changedArticles = new HashSet<>();
    private boolean stale;

    /**
     * {@code articleByKey}: for each identity key looked up, its live article or null (none when read);
     * {@code members} and {@code versions}: each of those articles' captures and live versions by digest.
     */
    GroupReads(Map<String, ArticleEntity> articleByKey, Map<UUID, List<StoredMember>> members,
            Map<UUID, Map<String, VersionEntity>> versions) {
        this.articleByKey = articleByKey;
        this.members = members;
        this.versions = versions;
    }

    /** Nothing read ahead: every question is read when asked. */
    public static GroupReads none() {
        return NONE;
    }

    /** The live article with this identity key, or null. */
    ArticleEntity article(String identityKey, Supplier<ArticleEntity> read) {
        return stale || changedKeys.contains(identityKey) || !articleByKey.containsKey(identityKey) ? read.get()
                : articleByKey.get(identityKey);
    }

    /** The article's captures, as {@link ArticleAppend} reads them. */
    List<StoredMember> members(UUID article, Function<UUID, List<StoredMember>> read) {
        return fresh(article) && members.containsKey(article) ? members.get(article) : read.apply(article);
    }

    /** The article's live versions by digest. */
    Map<String, VersionEntity> versions(UUID article, Function<UUID, Map<String, VersionEntity>> read) {
        return fresh(article) && versions.containsKey(article) ? new HashMap<>(versions.get(article))
                : read.apply(article);
    }

    private boolean fresh(UUID article) {
        return !stale && !changedArticles.contains(article);
    }

    /** A capture was appended to the article (perhaps a new one): what was read about it no longer holds. */
    void appended(ArticleEntity article) {
        if (this != NONE) {
            changedArticles.add(article.id);
            changedKeys.add(article.identityKey);
        }
    }

    /** A capture was placed otherwise than by appending: nothing read ahead holds any more. */
    void changedOtherwise() {
        if (this != NONE) {
            stale = true;
        }
    }
}
