package org.palimpsest.core.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.VersionEntity;

class GroupReadsTest {
    private final ArticleEntity a = article("url:a");
    private final ArticleEntity b = article("url:b");
    private final ArticleEntity readAgain = article("read again");
    private final StoredMember member = new StoredMember(UUID.randomUUID(), "k", Instant.EPOCH, true, UUID.randomUUID(),
            "digest", "template", IdentityKind.URL, null, 1, VersionKind.NEW);
    private final List<StoredMember> membersReadAgain = List.of();

    private GroupReads reads() {
        Map<String, ArticleEntity> byKey = new HashMap<>();
        byKey.put("url:a", a);
        byKey.put("url:b", b);
        byKey.put("url:new", null); // looked up, no such article when read
        VersionEntity v = VersionEntity.of(a.id, "digest");
        return new GroupReads(byKey, Map.of(a.id, List.of(member), b.id, List.of()),
                Map.of(a.id, Map.of("digest", v), b.id, Map.of()));
    }

    @Test
    void answersWhatWasReadAheadWithoutReadingAgain() {
        GroupReads reads = reads();
        assertSame(a, reads.article("url:a", () -> readAgain));
        assertNull(reads.article("url:new", () -> readAgain), "none when read: a new article");
        assertEquals(List.of(member), reads.members(a.id, id -> membersReadAgain));
        assertEquals(1, reads.versions(a.id, id -> Map.of()).size());
        assertSame(readAgain, reads.article("url:never-asked", () -> readAgain), "a key not read ahead is read");
    }

    @Test
    void anArticleAppendedToIsReadAgainAndTheOthersAreNot() {
        GroupReads reads = reads();
        reads.appended(a);
        assertSame(readAgain, reads.article("url:a", () -> readAgain));
        assertSame(membersReadAgain, reads.members(a.id, id -> membersReadAgain));
        assertEquals(Map.of(), reads.versions(a.id, id -> Map.of()));
        assertSame(b, reads.article("url:b", () -> readAgain));

        ArticleEntity created = article("url:new");
        reads.appended(created);
        assertSame(readAgain, reads.article("url:new", () -> readAgain), "an article the group created is read");
    }

    @Test
    void aCapturePlacedOtherwiseThanByAppendingMakesEverythingBeReadAgain() {
        GroupReads reads = reads();
        reads.changedOtherwise();
        assertSame(readAgain, reads.article("url:b", () -> readAgain));
        assertSame(membersReadAgain, reads.members(b.id, id -> membersReadAgain));
    }

    @Test
    void nothingReadAheadReadsEveryTime() {
        GroupReads none = GroupReads.none();
        none.appended(a);
        none.changedOtherwise();
        assertSame(readAgain, none.article("url:a", () -> readAgain));
        assertSame(membersReadAgain, none.members(a.id, id -> membersReadAgain));
    }

    private static ArticleEntity article(String identityKey) {
        ArticleEntity article = new ArticleEntity();
        article.id = UUID.randomUUID();
        article.identityKey = identityKey;
        return article;
    }
}
