package org.palimpsest.bench.scale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A synthetic archive grown from the sample captures with a fixed seed: several sources, each with its own chrome
 * (a rotating ticker above the headline, a "Most Popular" list of its own recent headlines below the article),
 * articles with edit histories (word edits, inserted paragraphs, changed headlines, corrections), and repeated
 * captures, most of them revisits. Captures come out in time order and are generated as they are asked for: only
 * the articles still being captured are held, so a million captures need no more memory than a thousand.
 */
public final class SyntheticArchive implements Iterator<SyntheticArchive.Capture> {
    /** What a capture shows, relative to the article's previous capture. */
    public enum Kind { NEW_ARTICLE, REVISIT, WORD_EDIT, INSERTED_PARAGRAPH, HEADLINE_CHANGE, CORRECTION }

    public record Capture(long number, String source, String url, Instant capturedAt, String text, Kind kind) {
    }

    static final int LIVE_ARTICLES = 400;
    static final int MEAN_CAPTURES_PER_ARTICLE = 10;
    static final double EDIT_CHANCE = 0.15;

    private final long total;
    private final SplittableRandom random;
    private final Language language;
    private final List<Site> sites = new ArrayList<>();
    private final List<Story> live = new ArrayList<>();
    private long produced;
    private String only;
    private int stories;
    private Instant clock = Instant.parse("2025-01-01T00:00:00Z");

    public SyntheticArchive(List<String> samples, int sourceCount, long total, long seed) {
        this.total = total;
        this.random = new SplittableRandom(seed);
        this.language = new Language(samples);
        for (int s = 0; s < sourceCount; s++) {
            sites.add(new Site("synthetic-" + (char) ('a' + s), ticker(12)));
        }
    }

    private final class Site {
        final String key;
        final List<String> ticker;
        final List<String> recent = new ArrayList<>();

        Site(String key, List<String> ticker) {
            this.key = key;
            this.ticker = ticker;
        }

        void published(String headline) {
            recent.add(0, headline);
            if (recent.size() > 5) {
                recent.remove(5);
            }
        }
    }

    private final class Story {
        final Site site;
        final String url;
        String headline;
        final List<String> paragraphs = new ArrayList<>();
        int capturesLeft;

        Story(Site site, int number) {
            this.site = site;
            this.headline = language.headline(random);
            this.url = "https://" + site.key + ".example/news/" + number + "-"
                    + headline.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            int n = 6 + random.nextInt(10);
            for (int i = 0; i < n; i++) {
                paragraphs.add(language.paragraph(random));
            }
            capturesLeft = 1 + random.nextInt(2 * MEAN_CAPTURES_PER_ARTICLE - 1);
        }
    }

    @Override
    public boolean hasNext() {
        return produced < total;
    }

    /**
     * Gives only the captures of one source ({@code key}, as {@code synthetic-c}), as the whole archive would have
     * them: the others are generated and dropped, so the source's captures are the same as in a run of all of them.
     */
    public SyntheticArchive only(String key) {
        this.only = key;
        return this;
    }

    @Override
    public Capture next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (true) {
            Capture c = generate();
            if (only == null || only.equals(c.source())) {
                produced++;
                return c;
            }
        }
    }

    /** The archive's next capture, numbered as the next one given. */
    private Capture generate() {
        clock = clock.plusSeconds(1 + random.nextInt(20));
        Story story;
        Kind kind;
        if (live.size() < LIVE_ARTICLES && (live.isEmpty() || random.nextDouble() < 1.0 / MEAN_CAPTURES_PER_ARTICLE * 4)) {
            story = new Story(sites.get(random.nextInt(sites.size())), stories++);
            live.add(story);
            kind = Kind.NEW_ARTICLE;
        } else {
            story = live.get(random.nextInt(live.size()));
            kind = random.nextDouble() < EDIT_CHANCE ? edit(story) : Kind.REVISIT;
        }
        String text = page(story);
        if (kind == Kind.NEW_ARTICLE || kind == Kind.HEADLINE_CHANGE) {
            story.site.published(story.headline);
        }
        if (--story.capturesLeft <= 0) {
            live.remove(story);
        }
        String url = random.nextInt(10) == 0 ? story.url + "?utm_source=feed&utm_medium=rss" : story.url;
        return new Capture(produced, story.site.key, url, clock, text, kind);
    }

    private Kind edit(Story story) {
        double r = random.nextDouble();
        if (r < 0.4) {
            int p = random.nextInt(story.paragraphs.size());
            String[] words = story.paragraphs.get(p).split(" ");
            words[random.nextInt(words.length)] = language.word(random);
            story.paragraphs.set(p, String.join(" ", words));
            return Kind.WORD_EDIT;
        } else if (r < 0.65) {
            story.paragraphs.add(random.nextInt(story.paragraphs.size() + 1), language.paragraph(random));
            return Kind.INSERTED_PARAGRAPH;
        } else if (r < 0.8) {
            story.headline = language.headline(random);
            return Kind.HEADLINE_CHANGE;
        }
        story.paragraphs.add("Correction: an earlier version of this article said " + language.sentence(random, 8)
                .toLowerCase());
        return Kind.CORRECTION;
    }

    /** The page as a crawler would capture it as text: ticker, headline, body, then the site's popular list. */
    private String page(Story story) {
        StringBuilder sb = new StringBuilder(6_000);
        List<String> ticker = story.site.ticker;
        int at = (int) (clock.getEpochSecond() / 3600 % ticker.size());
        for (int i = 0; i < 4; i++) {
            sb.append(ticker.get((at + i) % ticker.size())).append('\n');
        }
        sb.append(story.headline).append('\n');
        for (String p : story.paragraphs) {
            sb.append(p).append('\n');
        }
        sb.append("Most Popular\n");
        for (String h : story.site.recent) {
            sb.append('\n').append(h).append('\n');
        }
        return sb.toString();
    }

    private List<String> ticker(int lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(language.sentence(random, 12));
        }
        return out;
    }
}
