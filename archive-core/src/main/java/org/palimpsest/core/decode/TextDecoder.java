package org.palimpsest.core.decode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes captured bytes: the declared charset first (except that a Latin-1 label on valid multi-byte UTF-8 is taken
 * for the mislabel it is), then a byte-order mark, then an HTML meta charset, then UTF-8 when the bytes are valid
 * UTF-8 or mostly so (its valid multi-byte characters at least as many as its invalid bytes: a few stray bytes in
 * UTF-8 text are replaced and counted, not a reason to read all of it as Latin), else windows-1252 (the usual
 * unlabelled Latin text of the web).
 */
public final class TextDecoder {
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset FALLBACK = Charset.forName("windows-1252");
    private static final Set<String> LATIN = Set.of("ISO-8859-1", "US-ASCII", "windows-1252");

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes, Optional<Charset> declared, boolean html) {
        if (declared.isPresent()) {
            if (LATIN.contains(declared.get().name()) && hasNonAscii(bytes)) {
                Optional<String> utf8 = strictUtf8(bytes);
                if (utf8.isPresent()) {
                    // Multi-byte UTF-8 that happens to be valid is never Latin text by chance: the label is wrong.
                    return new DecodedText(utf8.get(), StandardCharsets.UTF_8, "utf-8-over-declared", 0);
                }
            }
            return lenient(bytes, 0, declared.get(), "declared");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return lenient(bytes, 3, StandardCharsets.UTF_8, "bom");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16BE, "bom");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16LE, "bom");
        }
        if (html) {
            Optional<Charset> meta = metaCharset(bytes);
            if (meta.isPresent()) {
                return lenient(bytes, 0, meta.get(), "meta");
            }
        }
        Optional<String> utf8 = strictUtf8(bytes);
        if (utf8.isPresent()) {
            return new DecodedText(utf8.get(), StandardCharsets.UTF_8, "utf-8-valid", 0);
        }
        DecodedText mostly = lenient(bytes, 0, StandardCharsets.UTF_8, "utf-8-mostly-valid");
        return mostly.malformedInputs() <= multiByteCharacters(mostly.text()) ? mostly
                : lenient(bytes, 0, FALLBACK, "fallback");
    }

    /** Characters beyond ASCII that decoding produced (replacement characters not counted). */
    private static int multiByteCharacters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F && c != '\uFFFD' && !Character.isLowSurrogate(c)) {
                n++;
            }
        }
        return n;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Charset> metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(m.group(1)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Decodes, replacing and counting invalid sequences. */
    private static DecodedText lenient(byte[] bytes, int offset, Charset charset, String how) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 16);
        int malformed = 0;
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
            if (result.isError()) {
                malformed++;
                out.put('\uFFFD');
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
                out.flip();
                bigger.put(out);
                out = bigger;
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        return new DecodedText(out.toString(), charset, how, malformed);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
