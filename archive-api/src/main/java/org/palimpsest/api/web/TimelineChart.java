package org.palimpsest.api.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.palimpsest.api.http.Links;
import org.palimpsest.core.article.ArticleView;
import org.palimpsest.core.article.VersionView;
import org.palimpsest.core.provenance.Interval;

/**
 * An article's timeline as an SVG chart: one row per version, a band for each interval in which it was the version
 * the archive held, and a dot, linked to the capture's page, for every capture. Reads without JavaScript.
 */
public final class TimelineChart {
    static final int WIDTH = 760;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 10;
    static final int ROW = 26;
    static final int AXIS = 30;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimelineChart() {
    }

    public static String svg(ArticleView article) {
        List<VersionView> versions = article.timeline();
        Instant start = article.firstCapturedAt();
        Instant end = article.lastCapturedAt();
        if (!end.isAfter(start)) {
            start = start.minus(Duration.ofHours(1));
            end = end.plus(Duration.ofHours(1));
        }
        Scale x = new Scale(start, end);
        int height = TOP + versions.size() * ROW + AXIS;
        StringBuilder svg = new StringBuilder(1024 + versions.size() * 256);
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"timeline-title\">")
                .append("<title id=\"timeline-title\">").append(Links.html(versions.size() + " versions and "
                        + article.captureCount() + " captures from " + TICK.format(article.firstCapturedAt())
                        + " to " + TICK.format(article.lastCapturedAt()) + " UTC")).append("</title>");
        for (int row = 0; row < versions.size(); row++) {
            VersionView v = versions.get(row);
            int y = TOP + row * ROW;
            svg.append("<g><text x=\"4\" y=\"").append(y + 17).append("\">v").append(v.versionNumber())
                    .append("</text>");
            for (Interval interval : v.intervals()) {
                double from = x.at(interval.from());
                double to = x.at(interval.to() == null ? end : interval.to());
                svg.append("<rect class=\"band").append(row % 2 == 1 ? " alt" : "").append("\" x=\"")
                        .append(fmt(from)).append("\" y=\"").append(y + 5).append("\" width=\"")
                        .append(fmt(Math.max(2, to - from))).append("\" height=\"").append(ROW - 10).append("\">")
                        .append("<title>").append(Links.html("version " + v.versionNumber() + " held from "
                                + TICK.format(interval.from()) + (interval.to() == null ? " on"
                                : " to " + TICK.format(interval.to())))).append("</title></rect>");
            }
            for (VersionView.CaptureRef c : v.captures()) {
                svg.append("<a href=\"/captures/").append(c.captureId()).append("\"><circle cx=\"")
                        .append(fmt(x.at(c.capturedAt()))).append("\" cy=\"").append(y + ROW / 2)
                        .append("\" r=\"4\"><title>").append(Links.html("capture at " + TICK.format(c.capturedAt())
                                + " UTC")).append("</title></circle></a>");
            }
            svg.append("</g>");
        }
        int axisY = TOP + versions.size() * ROW + 4;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(axisY).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(axisY).append("\"/>");
        tick(svg, LEFT, axisY, TICK.format(start), "start");
        tick(svg, WIDTH - RIGHT, axisY, TICK.format(end), "end");
        return svg.append("</svg>").toString();
    }

    private static void tick(StringBuilder svg, int at, int axisY, String label, String anchor) {
        svg.append("<text x=\"").append(at).append("\" y=\"").append(axisY + 18).append("\" text-anchor=\"")
                .append(anchor).append("\">").append(Links.html(label)).append("</text>");
    }

    /** Maps instants onto the plot's width. */
    private record Scale(Instant start, Instant end) {
        double at(Instant t) {
            double span = Duration.between(start, end).toMillis();
            double offset = Duration.between(start, t).toMillis();
            return LEFT + Math.max(0, Math.min(1, offset / span)) * (WIDTH - LEFT - RIGHT);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

}
