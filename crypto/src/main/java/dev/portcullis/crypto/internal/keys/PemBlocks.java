package dev.portcullis.crypto.internal.keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.portcullis.crypto.CryptoException;

/**
 * PEM (RFC 7468, plus OpenSSL's RFC 1421 headers such as {@code Proc-Type} and {@code DEK-Info}): the
 * {@code -----BEGIN LABEL-----} … {@code -----END LABEL-----} blocks of a buffer, in order, skipping text
 * before, between and after them, as OpenSSL's {@code PEM_read_bio} does.
 */
public final class PemBlocks {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One PEM block: its label, its RFC 1421 headers (in order), and the decoded body. */
    public record Block(String label, Map<String, String> headers, byte[] der) {
    }

    private PemBlocks() {
    }

    /**
     * Every complete block in {@code pem}, in order. A block whose body is not base64 is an error, as in OpenSSL
     * ({@code ('PEM routines', '', 'bad base64 decode')}); an unterminated block ends the list.
     */
    public static List<Block> read(byte[] pem) {
        String text = new String(pem, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, pos);
            if (begin < 0) {
                return blocks;
            }
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            int lineEnd = lineEnd(text, begin);
            if (labelEnd < 0 || labelEnd > lineEnd) {
                pos = begin + BEGIN.length();
                continue;
            }
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String endLine = END + label + DASHES;
            int end = text.indexOf(endLine, lineEnd);
            if (end < 0) {
                return blocks;
            }
            blocks.add(parseBody(label, text.substring(lineEnd, end)));
            pos = end + endLine.length();
        }
    }

    /** The first block whose label is one of {@code labels}; {@code ('PEM routines', '', 'no start line')} if none. */
    public static Block first(byte[] pem, List<String> labels) {
        for (Block block : read(pem)) {
            if (labels.contains(block.label())) {
                return block;
            }
        }
        throw new CryptoException("PEM routines", "no start line");
    }

    /** A PEM block with 64-character base64 lines and a final newline, as OpenSSL writes them. */
    public static byte[] write(String label, byte[] der) {
        StringBuilder out = new StringBuilder(der.length * 4 / 3 + 80);
        out.append(BEGIN).append(label).append(DASHES).append('\n');
        String body = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < body.length(); i += 64) {
            out.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        out.append(END).append(label).append(DASHES).append('\n');
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl + 1;
    }

    private static Block parseBody(String label, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = body.split("\r?\n", -1);
        int i = 0;
        if (lines.length > 0 && lines[0].contains(":")) {
            while (i < lines.length && lines[i].contains(":")) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
                i++;
            }
        }
        StringBuilder base64 = new StringBuilder(body.length());
        for (; i < lines.length; i++) {
            for (char c : lines[i].toCharArray()) {
                if (!Character.isWhitespace(c)) {
                    base64.append(c);
                }
            }
        }
        try {
            return new Block(label, headers, Base64.getDecoder().decode(base64.toString()));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("PEM routines", "bad base64 decode", e);
        }
    }
}
