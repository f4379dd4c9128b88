package org.palimpsest.core.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.URIs;

/**
 * The canonical form of an article URL: lower-case scheme and host, no fragment, no default port, tracking
 * parameters dropped; and its SURT key (jwarc's, compatible with pywb), under which URL variants meet.
 */
public record CanonicalUrl(String url, String surtKey) {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "_hsenc", "_hsmi",
            "ref_src", "cmpid");

    /**
     * The canonical form a capture is known by: its own URL's, or the address the page declares as its own
     * ({@code <link rel="canonical">}, {@code og:url}) where that names the same page better — for a capture without a
     * URL (unless it names the site's home page, which identifies no article), or for one whose URL differs from it
     * only in its query (parameters a tracker or an app added). A declared address elsewhere is left alone: a page
     * may name a syndicator's copy, or a wrong one, and its own address is what was captured.
     */
    public static Optional<CanonicalUrl> of(Optional<String> url, Optional<String> declared) {
        Optional<CanonicalUrl> own = url.map(CanonicalUrl::of);
        Optional<CanonicalUrl> page = declared.flatMap(d -> resolved(url, d));
        if (page.isEmpty()) {
            return own;
        }
        URI named = URI.create(page.get().url());
        if (own.isEmpty()) {
            return "/".equals(named.getRawPath()) ? Optional.empty() : page;
        }
        URI captured = URI.create(own.get().url());
        boolean samePage = captured.getHost().equals(named.getHost())
                && captured.getRawPath().equals(named.getRawPath());
        return samePage ? page : own;
    }

    /** The declared address, resolved against the capture's own when relative; empty when it is no web address. */
    private static Optional<CanonicalUrl> resolved(Optional<String> url, String declared) {
        try {
            URI uri = url.isPresent() ? new URI(url.get().strip()).resolve(declared.strip()) : new URI(declared.strip());
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
                    || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(of(uri.toString()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static CanonicalUrl of(String raw) {
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + raw, e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            sb.append(':').append(port);
        }
        sb.append(path);
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(param);
                }
            }
        }
        if (!kept.isEmpty()) {
            sb.append('?').append(String.join("&", kept));
        }
        String canonical = sb.toString();
        return new CanonicalUrl(canonical, URIs.toNormalizedSurt(canonical));
    }
}
