package org.palimpsest.core.placement;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.identity.IdentityKey;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.store.ArticleEntity;

/**
 * The identity rules of one article, as a whole-source derivation applies them ({@code ArticleClusterer}), for the
 * placers that assemble or extend a single article: they must decide exactly as it would.
 */
final class MemberIdentity {
    private MemberIdentity() {
    }

    /** Whether the article is found by URL: the new capture has one, or the article is stored under one. */
    static boolean articleByUrl(Optional<String> captureUrlKey, ArticleEntity article) {
        return captureUrlKey.isPresent() || article != null && IdentityKey.URL.names(article.identityKey);
    }

    /**
     * The kind of decision a member gets: by URL when it has one; "new" for the earliest capture of an article found
     * by similarity (it founded the article); else a similarity match.
     */
    static IdentityKind kind(boolean hasUrlKey, boolean articleByUrl, boolean earliest) {
        return hasUrlKey ? IdentityKind.URL : !articleByUrl && earliest ? IdentityKind.NEW : IdentityKind.SIMILARITY;
    }

    /** A member's decision: {@link #kind} made concrete, with {@code bySimilarity} asked only for a match. */
    static IdentityDecision decide(String urlKey, boolean articleByUrl, boolean earliest,
            Supplier<IdentityDecision> bySimilarity) {
        return switch (kind(urlKey != null, articleByUrl, earliest)) {
            case URL -> new IdentityDecision.ByUrl(urlKey);
            case NEW -> new IdentityDecision.New();
            case SIMILARITY -> bySimilarity.get();
        };
    }

    /** The article's key: its URL's when found by URL, else its earliest capture's. */
    static String identityKey(Optional<String> captureUrlKey, ArticleEntity article, String earliestKey) {
        if (captureUrlKey.isPresent()) {
            return IdentityKey.URL.of(captureUrlKey.get());
        }
        return article != null && IdentityKey.URL.names(article.identityKey) ? article.identityKey
                : IdentityKey.SIMILARITY.of(earliestKey);
    }

    /** The earliest member on a version (by order key): the capture a similarity match is recorded against. */
    static <M> String firstCaptureOf(UUID version, Collection<M> members, Function<M, UUID> versionOf,
            Function<M, String> keyOf) {
        return members.stream().filter(m -> Objects.equals(version, versionOf.apply(m))).map(keyOf)
                .min(Comparator.naturalOrder()).orElseThrow();
    }
}
