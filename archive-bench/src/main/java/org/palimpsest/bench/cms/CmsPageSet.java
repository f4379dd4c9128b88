package org.palimpsest.bench.cms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the labelled set of CMS-shaped pages: each story rendered by one of the {@link Cms} layouts, with the
 * page's furniture drawn from a seed, as {@code html/<id>.html}, and {@code ground-truth.json} giving for each page
 * its URL, the expected body (the story's blocks, one a line: no headline, byline, captions, links, ads or boxes),
 * the headline, and {@code datePublished} when the page's markup states it (JSON-LD, a meta element or a
 * {@code <time datetime>}; null when only the visible text does). The same seed writes the same files.
 * Usage: CmsPageSet DIR [PAGES] [SEED]
 */
public final class CmsPageSet {
    private static final List<String> SITES = List.of("The Harbour Gazette", "Northfield Daily Record",
            "Valley Courier", "The Lantern", "Coastal Evening Post");
    private static final List<String> HOSTS = List.of("harbourgazette.example", "northfield-record.example",
            "valleycourier.example", "thelantern.example", "coastalpost.example");

    private CmsPageSet() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
        Files.createDirectories(dir.resolve("html"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode truth = json.createObjectNode();
        Prose prose = new Prose(seed);
        for (int i = 0; i < pages; i++) {
            Cms cms = Cms.values()[i % Cms.values().length];
            Story story = Story.write(prose, i);
            PageParts parts = new PageParts(story, prose, SITES.get(cms.ordinal()), HOSTS.get(cms.ordinal()));
            String html = cms.render(parts);
            String id = String.format(Locale.ROOT, "%s-%02d", cms.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    i / Cms.values().length + 1);
            Files.writeString(dir.resolve("html/" + id + ".html"), html, StandardCharsets.UTF_8);
            ObjectNode page = truth.putObject(id);
            page.put("url", parts.url());
            page.put("cms", cms.name());
            page.put("headline", story.headline());
            boolean datedInMarkup = parts.jsonLd > 0 || html.contains("published_time") || html.contains("datetime=");
            page.put("datePublished", datedInMarkup ? story.published().toString() : null);
            page.put("articleBody", story.expectedBody());
        }
        json.writeValue(dir.resolve("ground-truth.json").toFile(), truth);
        System.out.printf("%d pages in %s%n", pages, dir);
    }
}
