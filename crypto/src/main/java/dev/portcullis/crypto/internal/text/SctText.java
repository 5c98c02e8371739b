package dev.portcullis.crypto.internal.text;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Certificate Transparency signed certificate timestamp lists (RFC 6962 §3.3), in the
 * {@code CT Precertificate SCTs} and {@code CT Certificate SCTs} extensions, as OpenSSL's
 * {@code SCT_LIST_print} writes them: one {@code Signed Certificate Timestamp:} block per SCT with
 * {@code Version}, {@code Log ID}, {@code Timestamp} (milliseconds shown), {@code Extensions} and
 * {@code Signature}, hex wrapped 16 bytes per line.
 */
final class SctText {
    private SctText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("1.3.6.1.4.1.11129.2.4.2", SctText::print);
        printers.put("1.3.6.1.4.1.11129.2.4.5", SctText::print);
    }

    private static void print(StringBuilder out, ASN1Primitive value, int indent) {
        ByteBuffer list = ByteBuffer.wrap(ASN1OctetString.getInstance(value).getOctets());
        int total = u16(list);
        if (total != list.remaining() || total == 0) {
            throw new IllegalArgumentException("bad SCT list length");
        }
        boolean first = true;
        while (list.hasRemaining()) {
            byte[] sct = bytes(list, u16(list));
            if (!first) {
                out.append('\n');
            }
            first = false;
            printOne(out, ByteBuffer.wrap(sct), indent);
        }
    }

    private static void printOne(StringBuilder out, ByteBuffer sct, int indent) {
        Indent.spaces(out, indent).append("Signed Certificate Timestamp:");
        out.append('\n');
        Indent.spaces(out, indent + 4).append("Version   : ");
        int version = sct.get() & 0xff;
        if (version != 0) {
            out.append("unknown\n");
            Indent.spaces(out, indent + 16);
            sct.position(0);
            hexString(out, indent + 16, bytes(sct, sct.remaining()));
            return;
        }
        out.append("v1 (0x0)");
        byte[] logId = bytes(sct, 32);
        long timestamp = sct.getLong();
        byte[] extensions = bytes(sct, u16(sct));
        int hash = sct.get() & 0xff;
        int sigAlg = sct.get() & 0xff;
        if (hash != 4 || (sigAlg != 1 && sigAlg != 3)) {
            // o2i_SCT refuses signature algorithms other than SHA-256 with RSA or ECDSA ("sct invalid signature").
            throw new IllegalArgumentException("SCT signature algorithm not SHA-256 with RSA/ECDSA");
        }
        byte[] signature = bytes(sct, u16(sct));
        if (sct.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes in SCT");
        }
        out.append('\n');
        Indent.spaces(out, indent + 4).append("Log ID    : ");
        hexString(out, indent + 16, logId);
        out.append('\n');
        Indent.spaces(out, indent + 4).append("Timestamp : ").append(timestamp(timestamp));
        out.append('\n');
        Indent.spaces(out, indent + 4).append("Extensions: ");
        if (extensions.length == 0) {
            out.append("none");
        } else {
            hexString(out, indent + 16, extensions);
        }
        out.append('\n');
        Indent.spaces(out, indent + 4).append("Signature : ").append(signatureName(hash, sigAlg));
        out.append('\n');
        Indent.spaces(out, indent + 4).append("            ");
        hexString(out, indent + 16, signature);
    }

    private static String signatureName(int hash, int sigAlg) {
        return sigAlg == 3 ? "ecdsa-with-SHA256" : "sha256WithRSAEncryption";
    }

    /** {@code Mar 14 09:28:25.413 2023 GMT}. */
    private static String timestamp(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        return String.format(java.util.Locale.ROOT, "%s %2d %02d:%02d:%02d.%03d %d GMT", months[t.getMonthValue() - 1],
            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), Math.floorMod(millis, 1000L), t.getYear());
    }

    /** {@code BIO_hex_string}: upper-case pairs joined by colons, 16 per line, continuation lines indented. */
    private static void hexString(StringBuilder out, int indent, byte[] data) {
        if (data.length == 0) {
            return;
        }
        int column = 0;
        for (int i = 0; i < data.length - 1; i++) {
            if (i > 0 && column == 0) {
                Indent.spaces(out, indent);
            }
            Hex.appendUpper(out, data[i]);
            out.append(':');
            column = (column + 1) % 16;
            if (column == 0) {
                out.append('\n');
            }
        }
        if (data.length > 1 && column == 0) {
            Indent.spaces(out, indent);
        }
        Hex.appendUpper(out, data[data.length - 1]);
    }

    private static int u16(ByteBuffer b) {
        return b.getShort() & 0xffff;
    }

    private static byte[] bytes(ByteBuffer b, int n) {
        if (n > b.remaining()) {
            throw new IllegalArgumentException("truncated SCT");
        }
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }
}
