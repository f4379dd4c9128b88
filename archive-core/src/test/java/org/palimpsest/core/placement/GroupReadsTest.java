package org.palimpsest.core.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palimpsest.core.normalize.Zone;
import org.palimpsest.core.placement.TemplateLines.LineCount;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
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
    void anArticleAppendedToAnswersWhatItNowIsWithoutBeingReadAgain() {
        GroupReads reads = reads();
        StoredMember later = new StoredMember(UUID.randomUUID(), "l", Instant.EPOCH.plusSeconds(60), true,
                UUID.randomUUID(), "digest 2", "template", IdentityKind.URL, null, 2, VersionKind.NEW);
        VersionEntity first = reads.versions(a.id, id -> Map.of()).get("digest");
        VersionEntity second = VersionEntity.of(a.id, "digest 2");
        reads.appended(a, List.of(member, later), Map.of("digest", first, "digest 2", second));
        assertSame(a, reads.article("url:a", () -> readAgain));
        assertEquals(List.of(member, later), reads.members(a.id, id -> membersReadAgain));
        assertEquals(Map.of("digest", first, "digest 2", second), reads.versions(a.id, id -> Map.of()));
        assertSame(b, reads.article("url:b", () -> readAgain));

        ArticleEntity created = article("url:new");
        VersionEntity its = VersionEntity.of(created.id, "digest 3");
        reads.appended(created, List.of(later), Map.of("digest 3", its));
        assertSame(created, reads.article("url:new", () -> readAgain), "an article the group created is answered");
        assertEquals(List.of(later), reads.members(created.id, id -> membersReadAgain));
        assertEquals(Map.of("digest 3", its), reads.versions(created.id, id -> Map.of()));
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
        none.appended(a, List.of(member), Map.of());
        none.changedOtherwise();
        assertSame(readAgain, none.article("url:a", () -> readAgain));
        assertSame(membersReadAgain, none.members(a.id, id -> membersReadAgain));
    }

    @Test
    void textsCandidatesAndLineCountsReadAheadAreAnsweredAndKeptTrueByWhatAnAppendWrites() {
        GroupReads reads = reads();
        ZoneLine x = ZoneLine.of(Zone.HEAD, "Most Popular");
        ZoneLine y = ZoneLine.of(Zone.BODY, "A paragraph.");
        int[] signature = {1, 2, 3};
        GroupReads.Text text = new GroupReads.Text(null, signature, Set.of(x, y));
        GroupReads.Candidate stored = new GroupReads.Candidate(UUID.randomUUID(), a.id, signature);
        Map<Long, List<GroupReads.Candidate>> candidates = new HashMap<>();
        candidates.put(1L, List.of(stored));
        candidates.put(2L, List.of());
        reads.readTexts("template-1", Map.of("capture-1", text), candidates,
                Map.of(x.key(), new LineCount(2, 1), y.key(), LineCount.NONE), Map.of(a.id, Set.of(x.key())));

        assertSame(text, reads.text("capture-1", "template-1"));
        assertNull(reads.text("capture-1", "template-2"), "read with another template");
        assertEquals(List.of(stored), List.copyOf(reads.candidates(List.of(1L, 2L))));
        assertNull(reads.candidates(List.of(1L, 3L)), "a band key not read ahead");
        assertEquals(new TemplateLines.Counts(Map.of(x, new LineCount(2, 1), y, new LineCount(1, 0)), Set.of(y)),
                reads.counts(List.of(x, y), a.id), "a holds x: counted as stored; y counted with a, new to a");
        assertEquals(new TemplateLines.Counts(Map.of(x, new LineCount(3, 2), y, new LineCount(1, 1)), Set.of(x, y)),
                reads.counts(List.of(x, y), null), "a new article is born with every line");
        assertNull(reads.counts(List.of(x), b.id), "b's lines were not read ahead");

        reads.linesAdded(a.id, List.of(y), false);
        assertEquals(new TemplateLines.Counts(Map.of(x, new LineCount(2, 1), y, new LineCount(1, 0)), Set.of()),
                reads.counts(List.of(x, y), a.id));
        UUID created = UUID.randomUUID();
        reads.linesAdded(created, List.of(x, y), true);
        assertEquals(new TemplateLines.Counts(Map.of(x, new LineCount(3, 2), y, new LineCount(2, 1)), Set.of()),
                reads.counts(List.of(x, y), created), "an article the group created holds what it was born with");
        GroupReads.Candidate filed = new GroupReads.Candidate(UUID.randomUUID(), created, signature);
        reads.filed(filed.version(), created, signature, List.of(2L));
        assertEquals(List.of(stored, filed), List.copyOf(reads.candidates(List.of(1L, 2L))));

        reads.changedOtherwise();
        assertNull(reads.text("capture-1", "template-1"));
        assertNull(reads.candidates(List.of(1L)));
        assertNull(reads.counts(List.of(x), a.id));
    }

    @Test
    void nothingReadAheadAnswersNoTextAndKeepsNothing() {
        GroupReads none = GroupReads.none();
        ZoneLine x = ZoneLine.of(Zone.HEAD, "Most Popular");
        none.linesAdded(UUID.randomUUID(), List.of(x), true);
        none.filed(UUID.randomUUID(), UUID.randomUUID(), new int[] {1}, List.of(1L));
        assertNull(none.text("capture-1", "template-1"));
        assertNull(none.candidates(List.of(1L)));
        assertNull(none.counts(List.of(x), null));
    }

    private static ArticleEntity article(String identityKey) {
        ArticleEntity article = new ArticleEntity();
        article.id = UUID.randomUUID();
        article.identityKey = identityKey;
        return article;
    }
}
