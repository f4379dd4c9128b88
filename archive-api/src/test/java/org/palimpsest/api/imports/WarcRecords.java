package org.palimpsest.api.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Fixtures for import tests: WARC records written with jwarc, ARC records and HTTP messages written by hand. */
public final class WarcRecords {
    private WarcRecords() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String page(String title, String body) {
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + body
                + "</p></body></html>";
    }

    /** An HTTP response as a server sends it: status line, the headers given, a blank line, the body. */
    public static byte[] http(int status, String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("HTTP/1.1 " + status + " X\r\n" + headers.replace("\n", "\r\n") + "\r\n"));
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static byte[] http200(String contentType, byte[] body) {
        return http(200, "Content-Type: " + contentType + "\nContent-Length: " + body.length + "\n", body);
    }

    /** A response record whose WARC-Payload-Digest is the SHA-1 of {@code payload} (the HTTP body as recorded). */
    public static WarcResponse response(String url, Instant date, byte[] httpMessage, byte[] payload) {
        return new WarcResponse.Builder(URI.create(url)).date(date).payloadDigest(new WarcDigest(sha1(payload)))
                .body(MediaType.HTTP_RESPONSE, httpMessage).build();
    }

    public static WarcResponse htmlResponse(String url, Instant date, String html) {
        byte[] body = utf8(html);
        return response(url, date, http200("text/html; charset=utf-8", body), body);
    }

    public static byte[] warc(WarcRecord... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WarcWriter writer = new WarcWriter(out);
            for (WarcRecord record : records) {
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An ARC v1 file: its filedesc header record, then each record given as {url, date, HTTP message}. */
    public static byte[][] arcRecords(String fileName, Instant created, Object[]... records) {
        byte[][] out = new byte[records.length + 1][];
        byte[] version = utf8("1 0 Palimpsest test\nURL IP-address Archive-date Content-type Archive-length\n");
        out[0] = arcRecord("filedesc://" + fileName + " 0.0.0.0 " + arcDate(created) + " text/plain", version);
        for (int i = 0; i < records.length; i++) {
            byte[] message = (byte[]) records[i][2];
            out[i + 1] = arcRecord(records[i][0] + " 127.0.0.1 " + arcDate((Instant) records[i][1]) + " text/html",
                    message);
        }
        return out;
    }

    private static byte[] arcRecord(String header, byte[] block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(header + " " + block.length + "\n"));
        out.writeBytes(block);
        out.writeBytes(utf8("\n"));
        return out.toByteArray();
    }

    public static String arcDate(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(instant);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Each part as its own gzip member, one after the other (as per-record gzip WARC and ARC files are). */
    public static byte[] gzipMembers(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(gzip(part));
        }
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The single record of {@code warc} with its WARC Content-Length off by {@code delta}, its bytes unchanged: a
     * record as a writer that miscounted leaves it.
     */
    public static byte[] miscounted(byte[] warc, int delta) {
        String text = new String(warc, StandardCharsets.ISO_8859_1);
        int header = text.indexOf("\r\n\r\n");
        Matcher length = Pattern.compile("\r\nContent-Length: (\\d+)\r\n")
                .matcher(text.substring(0, header));
        if (!length.find()) {
            throw new IllegalArgumentException("no Content-Length in the record's header");
        }
        long declared = Long.parseLong(length.group(1)) + delta;
        return (text.substring(0, length.start(1)) + declared + text.substring(length.end(1)))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body in HTTP/1.1 chunks of at most {@code size} bytes, with the last empty chunk. */
    public static byte[] chunked(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += size) {
            int n = Math.min(size, body.length - at);
            out.writeBytes(utf8(Integer.toHexString(n) + "\r\n"));
            out.write(body, at, n);
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("0\r\n\r\n"));
        return out.toByteArray();
    }

    public static MessageDigest sha1(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(bytes);
            return digest;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha1Base32(byte[] bytes) {
        return new WarcDigest(sha1(bytes)).base32();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
