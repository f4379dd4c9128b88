package org.palimpsest.api.memento;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.palimpsest.api.http.HttpDates;
import org.palimpsest.api.http.ReplicaReads;
import org.palimpsest.core.article.ArticleReader;
import org.palimpsest.core.article.AsOfReader;
import org.palimpsest.core.article.CaptureReader;
import org.palimpsest.core.capture.CaptureUrl;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.identity.CanonicalUrl;

/** Memento (RFC 7089): TimeGate, TimeMap and mementos for every URI that has captures. */
@Path("/memento")
@PermitAll
@ReplicaReads
public class MementoResource {
    private final AsOfReader reader;
    private final CaptureReader captures;
    private final ArticleReader articles;

    public MementoResource(AsOfReader reader, CaptureReader captures, ArticleReader articles) {
        this.reader = reader;
        this.captures = captures;
        this.articles = articles;
    }

    @GET
    @Path("timegate/{uri: .+}")
    public Response timegate(@PathParam("uri") String uri, @HeaderParam("Accept-Datetime") String acceptDatetime,
            UriInfo info) {
        Optional<Instant> at = acceptDatetime == null || acceptDatetime.isBlank() ? Optional.empty()
                : Optional.of(acceptDatetime(acceptDatetime));
        String asked = asked(uri, info);
        // Only the captures around the instant and the latest one, not the whole TimeMap.
        AsOfReader.UrlNeighbours around = reader.urlNeighbours(surtKey(asked), at)
                .orElseThrow(() -> noCaptures(asked));
        Memento chosen = at.map(t -> TimeMap.closer(around.atOrBefore().map(MementoResource::memento),
                around.after().map(MementoResource::memento), t)).orElseGet(() -> memento(around.latest()));
        // The TimeGate's links name only the original (the latest capture's canonical URL) and the TimeMap's address.
        MementoLinks links = new MementoLinks(info.getBaseUri().toString(),
                new TimeMap(around.latest().canonicalUrl(), List.of(chosen)));
        return Response.status(302).location(URI.create(links.memento(chosen)))
                .header("Vary", "accept-datetime").header("Link", links.forTimeGate()).build();
    }

    @GET
    @Path("timemap/link/{uri: .+}")
    public Response timemap(@PathParam("uri") String uri, UriInfo info) {
        TimeMap map = timeMap(uri, info);
        return Response.ok(new MementoLinks(info.getBaseUri().toString(), map).timeMapDocument(),
                MementoLinks.LINK_FORMAT).build();
    }

    @GET
    @Path("{timestamp: \\d{14}}/{uri: .+}")
    public Response memento(@PathParam("timestamp") String timestamp, @PathParam("uri") String uri,
            @QueryParam("view") String view, UriInfo info) {
        Instant asked = instant(timestamp);
        TimeMap map = timeMap(uri, info);
        MementoLinks links = new MementoLinks(info.getBaseUri().toString(), map);
        Memento m = map.at(timestamp).orElse(null);
        if (m == null) {
            return Response.status(302).location(URI.create(links.memento(map.closest(asked))))
                    .header("Link", links.forTimeGate()).build();
        }
        Response.ResponseBuilder response;
        if ("normalized".equals(view)) {
            var version = captures.capture(m.captureId()).flatMap(c -> articles.version(c.articleId(), c.versionId()))
                    .orElseThrow();
            response = Response.ok(version.headline() + "\n\n" + String.join("\n\n", version.paragraphs()) + "\n",
                    "text/plain; charset=utf-8");
        } else {
            CaptureReader.RawCapture raw = captures.raw(m.captureId()).orElseThrow();
            response = Response.ok(raw.bytes(), raw.contentType()).header("Repr-Digest", raw.digest().reprDigest());
        }
        return response.header("Memento-Datetime", HttpDates.format(m.datetime()))
                .header("Link", links.forMemento(m)).build();
    }

    /** The TimeMap of the URI as asked, which may be a variant (tracking parameters, host case, a fragment). */
    private TimeMap timeMap(String uri, UriInfo info) {
        String asked = asked(uri, info);
        List<AsOfReader.UrlCapture> captures = reader.capturesOfUrl(surtKey(asked));
        if (captures.isEmpty()) {
            throw noCaptures(asked);
        }
        return new TimeMap(captures.get(captures.size() - 1).canonicalUrl(),
                captures.stream().map(MementoResource::memento).toList());
    }

    /** The URI as asked: the path's URI (its "://" restored) with the request's query, less our own view parameter. */
    private static String asked(String uri, UriInfo info) {
        String asked = uri.replaceFirst("^(https?):/+", "$1://");
        String query = info.getRequestUri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            String own = query.replaceAll("(^|&)view=[^&]*", "");
            asked = own.isEmpty() ? asked : asked + "?" + own.replaceFirst("^&", "");
        }
        return asked;
    }

    private static String surtKey(String asked) {
        return CanonicalUrl.of(new CaptureUrl(asked).value()).surtKey();
    }

    private static ArchiveException noCaptures(String asked) {
        return ArchiveException.notFound("the archive has no captures of " + asked);
    }

    private static Memento memento(AsOfReader.UrlCapture capture) {
        return new Memento(capture.captureId(), capture.capturedAt());
    }

    /** A 14-digit memento timestamp that is a real instant. */
    private static Instant instant(String timestamp) {
        try {
            return Memento.TIMESTAMP.parse(timestamp, Instant::from);
        } catch (java.time.format.DateTimeParseException e) {
            throw ArchiveException.invalid("timestamp '" + timestamp + "' is not a date and time: use yyyyMMddHHmmss"
                    + " (UTC), such as 20250511093000");
        }
    }

    private static Instant acceptDatetime(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ArchiveException.invalid("Accept-Datetime '" + value + "' is not an RFC 1123 date: write it like"
                    + " Sun, 11 May 2025 10:00:00 GMT");
        }
    }
}
