package org.palimpsest.core.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
