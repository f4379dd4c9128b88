package org.palimpsest.bench.scale;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The client the latency figures are measured with: one blocking HTTP/1.1 request at a time on a kept-alive
 * connection, the body read to its end. The JDK's {@code java.net.http.HttpClient} hands each request to its selector
 * thread and back: on two shared cores the measuring client's own thread hops and warm-up were most of the tail it
 * reported, well above what this client and {@code wrk} saw against the same warm API (figures in docs/benchmarks.md).
 */
final class Probe {
    private Probe() {
    }

    /** What a request answered. */
    record Answer(int status, String body) {
    }

    static Answer get(String url, Map<String, String> headers) {
        return send("GET", url, headers, null);
    }

    static Answer post(String url, String contentType, String body) {
        return send("POST", url, Map.of("Content-Type", contentType), body);
    }

    private static Answer send(String method, String url, Map<String, String> headers, String body) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            headers.forEach(c::setRequestProperty);
            if (body != null) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            if (in != null) {
                try (in) {
                    in.transferTo(read); // read to the end, so the connection goes back to the keep-alive cache
                }
            }
            return new Answer(status, read.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        }
    }
}
