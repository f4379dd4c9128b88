package org.palimpsest.bench.cms;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One article as its newsroom wrote it, before any CMS wraps it: the headline, the byline and dates, and the body's
 * blocks. The body's text, block by block, is the expected body of every page the article is rendered into.
 */
record Story(String slug, String headline, String section, String author, OffsetDateTime published,
        OffsetDateTime modified, List<Block> body) {

    /** A block of the article's body. */
    sealed interface Block {
        String text();
    }

    record Paragraph(String text) implements Block {
    }

    record Subheading(String text) implements Block {
    }

    record Items(List<String> items) implements Block {
        @Override
        public String text() {
            return String.join("\n", items);
        }
    }

    record Quotation(String text) implements Block {
    }

    String expectedBody() {
        return body.stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    /** A brief (two to four short paragraphs) or a report or feature of up to sixteen blocks. */
    static Story write(Prose prose, int index) {
        Prose.Beat beat = Prose.BEATS.get(index % Prose.BEATS.size());
        var random = prose.random();
        String headline = prose.headline(beat);
        List<Block> body = new ArrayList<>();
        boolean brief = random.nextInt(5) == 0;
        int paragraphs = brief ? 2 + random.nextInt(3) : 5 + random.nextInt(12);
        for (int i = 0; i < paragraphs; i++) {
            if (!brief && i > 2 && random.nextInt(5) == 0) {
                body.add(new Subheading(prose.phrase(beat)));
            }
            if (!brief && i > 1 && random.nextInt(9) == 0) {
                List<String> items = new ArrayList<>();
                for (int j = 0, n = 3 + random.nextInt(3); j < n; j++) {
                    items.add(prose.phrase(beat) + (random.nextBoolean() ? "" : ", " + prose.pick(beat.actors())
                            .toLowerCase() + " said"));
                }
                body.add(new Items(items));
            }
            if (!brief && i > 3 && random.nextInt(12) == 0) {
                body.add(new Quotation(prose.paragraph(beat, 2, 3)));
            }
            body.add(new Paragraph(prose.paragraph(beat, brief ? 1 : 1, brief ? 2 : 4)));
        }
        OffsetDateTime published = OffsetDateTime.parse("2025-01-06T06:00:00+01:00")
                .plusDays(random.nextInt(600)).plusMinutes(random.nextInt(16 * 60))
                .withOffsetSameInstant(prose.pick(List.of(java.time.ZoneOffset.UTC, java.time.ZoneOffset.ofHours(1),
                        java.time.ZoneOffset.ofHours(-5), java.time.ZoneOffset.ofHours(2))));
        OffsetDateTime modified = random.nextBoolean() ? null : published.plusMinutes(20 + random.nextInt(3000));
        String slug = headline.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return new Story(slug, headline, beat.section(), prose.person(), published, modified, List.copyOf(body));
    }
}
