package org.palimpsest.api.change;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.palimpsest.api.http.Links;
import org.palimpsest.api.memento.Memento;
import org.palimpsest.core.change.ChangeItem;
import org.palimpsest.core.diff.ChangeKind;
import org.palimpsest.core.diff.DiffOp;

/** An Atom 1.0 (RFC 4287) feed of version changes, newest first, with RFC 5005 paging links. */
final class AtomFeed {
    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One entry: the change and its word-level diff. */
    record Entry(ChangeItem change, List<DiffOp> ops) {
    }

    private AtomFeed() {
    }

    /**
     * The feed document. {@code id} is its stable URI, {@code self} and {@code next} (null on the last page) the
     * links of this page and the next, {@code base} the archive's address for entry links.
     */
    static String write(String id, String title, String self, String next, String alternate, String base,
            List<Entry> entries, Instant emptyUpdated) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            text(x, "id", id);
            text(x, "title", title);
            text(x, "updated", instant(entries.isEmpty() ? emptyUpdated : entries.get(0).change().firstSeen()));
            x.writeStartElement("author");
            text(x, "name", "Palimpsest news archive");
            x.writeEndElement();
            text(x, "generator", "Palimpsest");
            link(x, "self", self, AtomFeed.MEDIA_TYPE);
            link(x, "alternate", alternate, "text/html");
            if (next != null) {
                link(x, "next", next, AtomFeed.MEDIA_TYPE);
            }
            for (Entry e : entries) {
                entry(x, e, base);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed: " + e.getMessage(), e);
        }
    }

    /**
     * A change's stable entry id: its version's id; for a return to the version (which has the version's id too),
     * a name-based UUID of the version and the time of the return.
     */
    static UUID entryId(ChangeItem c) {
        return c.revert() ? UUID.nameUUIDFromBytes((c.versionId() + " reverted at " + c.firstSeen())
                .getBytes(StandardCharsets.UTF_8)) : c.versionId();
    }

    private static void entry(XMLStreamWriter x, Entry e, String base) throws XMLStreamException {
        ChangeItem c = e.change();
        x.writeStartElement("entry");
        text(x, "id", "urn:uuid:" + entryId(c));
        String kinds = c.kinds().stream().map(ChangeKind::label).collect(Collectors.joining(", "));
        text(x, "title", c.headline() + (c.revert() ? " — back to version " : " — version ") + c.versionNumber()
                + " (" + kinds
                + (c.stealth() ? "; stealth edit" : "") + ")");
        text(x, "updated", instant(c.firstSeen()));
        text(x, "published", instant(c.firstSeen()));
        link(x, "alternate", base + "/diff?from=" + c.previousVersionId() + "&to=" + c.versionId(), "text/html");
        link(x, "related", base + "/api/articles/" + c.articleId() + "/versions/" + c.versionId(), "application/json");
        if (c.url() != null) {
            link(x, "related", base + Memento.path(c.firstSeen(), c.url()), null);
        }
        for (ChangeKind k : c.kinds()) {
            x.writeEmptyElement("category");
            x.writeAttribute("term", k.label());
        }
        if (c.stealth()) {
            x.writeEmptyElement("category");
            x.writeAttribute("term", "stealth");
        }
        if (c.revert()) {
            x.writeEmptyElement("category");
            x.writeAttribute("term", "revert");
        }
        x.writeStartElement("content");
        x.writeAttribute("type", "html");
        x.writeCharacters(html(e.ops(), c));
        x.writeEndElement();
        x.writeEndElement();
    }

    /** The word-level changes as HTML: what was deleted in {@code <del>}, what was inserted in {@code <ins>}. */
    static String html(List<DiffOp> ops, ChangeItem c) {
        StringBuilder h = new StringBuilder("<p>");
        h.append(c.inserted()).append(" words inserted, ").append(c.deleted()).append(" deleted");
        c.notices().forEach(n -> h.append("; ").append(Links.html(n.kind().label())).append(": ").append(Links.html(n.text())));
        h.append("</p><p>");
        for (DiffOp op : ops) {
            String t = Links.html(op.text()).replace("\n", "<br/>");
            switch (op.op()) {
                case EQUAL -> h.append(t);
                case INSERT -> h.append("<ins>").append(t).append("</ins>");
                case DELETE -> h.append("<del>").append(t).append("</del>");
            }
        }
        return h.append("</p>").toString();
    }

    private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        if (type != null) {
            x.writeAttribute("type", type);
        }
    }

    private static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
