package dev.portcullis.crypto.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * OpenSSL's object table: every OID OpenSSL 3 knows, with its short name ({@code CN},
 * {@code subjectAltName}, {@code serverAuth}) and long name ({@code commonName},
 * {@code X509v3 Subject Alternative Name}, {@code TLS Web Server Authentication}).
 *
 * <p>The table ({@code object-names.tsv}, next to this class) was generated from the installed
 * OpenSSL 3.0 by {@code crypto/src/build/gen_object_names.py}, so names are spelled exactly as
 * {@code OBJ_nid2sn}/{@code OBJ_nid2ln} spell them. The lookups mirror OpenSSL's:
 * <ul>
 *   <li>{@link #text(ASN1ObjectIdentifier)} is {@code OBJ_obj2txt(.., no_name=0)}: the long name, or
 *       the dotted form for an OID OpenSSL does not know (used for signature algorithms, EKU
 *       purposes, extension titles in text dumps);</li>
 *   <li>{@link #shortText(ASN1ObjectIdentifier)} is the short name or the dotted form (used for
 *       name attributes such as {@code CN = x} and for {@code X509Extension.get_short_name});</li>
 *   <li>{@link #parse(String)} is {@code OBJ_txt2obj(.., no_name=0)}: a short name, then a long
 *       name (both case-sensitive), then dotted digits.</li>
 * </ul>
 */
public final class ObjectNames {

    /** The names OpenSSL has for one OID. */
    public record Names(String shortName, String longName) {
    }

    private static final class Table {
        static final Map<ASN1ObjectIdentifier, Names> BY_OID = new HashMap<>(2048);
        static final Map<String, ASN1ObjectIdentifier> BY_SHORT = new HashMap<>(2048);
        static final Map<String, ASN1ObjectIdentifier> BY_LONG = new HashMap<>(2048);

        static {
            try (InputStream in = ObjectNames.class.getResourceAsStream("object-names.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("object-names.tsv missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    addLine(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void addLine(String line) {
            if (line.startsWith("#") || line.isBlank()) {
                return;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 3 || "NULL".equals(cols[1])) {
                return;
            }
            ASN1ObjectIdentifier oid = dotted(cols[0]);
            if (oid == null) {
                return;
            }
            // OpenSSL resolves duplicates to the lowest NID, which comes first in the file.
            BY_OID.putIfAbsent(oid, new Names(cols[1], cols[2]));
            BY_SHORT.putIfAbsent(cols[1], oid);
            BY_LONG.putIfAbsent(cols[2], oid);
        }
    }

    private ObjectNames() {
    }

    /** OpenSSL's names for {@code oid}, if OpenSSL knows it. */
    public static Optional<Names> lookup(ASN1ObjectIdentifier oid) {
        return Optional.ofNullable(Table.BY_OID.get(oid));
    }

    /** OpenSSL's short name ({@code OBJ_nid2sn}), if it knows {@code oid}. */
    public static Optional<String> shortName(ASN1ObjectIdentifier oid) {
        return lookup(oid).map(Names::shortName);
    }

    /** OpenSSL's long name ({@code OBJ_nid2ln}), if it knows {@code oid}. */
    public static Optional<String> longName(ASN1ObjectIdentifier oid) {
        return lookup(oid).map(Names::longName);
    }

    /** {@code OBJ_sn2nid}: the OID whose short name is exactly {@code shortName}. */
    public static Optional<ASN1ObjectIdentifier> lookupShort(String shortName) {
        return Optional.ofNullable(Table.BY_SHORT.get(shortName));
    }

    /** {@code OBJ_obj2txt(buf, len, oid, 0)}: the long name, or the dotted OID when OpenSSL does not know it. */
    public static String text(ASN1ObjectIdentifier oid) {
        Names names = Table.BY_OID.get(oid);
        return names == null ? oid.getId() : names.longName();
    }

    /** The short name, or the dotted OID when OpenSSL does not know it (how name attributes print). */
    public static String shortText(ASN1ObjectIdentifier oid) {
        Names names = Table.BY_OID.get(oid);
        return names == null ? oid.getId() : names.shortName();
    }

    /**
     * {@code OBJ_txt2obj(text, 0)}: a short name, else a long name (both case-sensitive), else a dotted
     * OID. Empty for anything else, including malformed dotted text.
     */
    public static Optional<ASN1ObjectIdentifier> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        ASN1ObjectIdentifier oid = Table.BY_SHORT.get(text);
        if (oid == null) {
            oid = Table.BY_LONG.get(text);
        }
        if (oid == null && Character.isDigit(text.charAt(0))) {
            oid = lenientDotted(text);
        }
        return Optional.ofNullable(oid);
    }

    /**
     * OpenSSL's {@code a2d_ASN1_OBJECT}: the first arc is one digit 0–2, arcs are separated by {@code .} or a
     * space, an empty arc counts as 0 ({@code 1..2} is 1.0.2) and one trailing separator is ignored; the second
     * arc must be below 40 unless the first is 2. Null when OpenSSL would refuse the text.
     */
    static ASN1ObjectIdentifier lenientDotted(String text) {
        char first = text.charAt(0);
        if (first < '0' || first > '2' || text.length() < 2) {
            return null;
        }
        StringBuilder canonical = new StringBuilder().append(first);
        int at = 1;
        int arcs = 0;
        while (at < text.length()) {
            char sep = text.charAt(at++);
            if (sep != '.' && sep != ' ') {
                return null;
            }
            if (at >= text.length()) {
                break;
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != '.' && text.charAt(at) != ' ') {
                if (!Character.isDigit(text.charAt(at)) || text.charAt(at) > '9') {
                    return null;
                }
                at++;
            }
            java.math.BigInteger arc = start == at ? java.math.BigInteger.ZERO : new java.math.BigInteger(text.substring(start, at));
            if (arcs == 0 && first < '2' && arc.compareTo(java.math.BigInteger.valueOf(40)) >= 0) {
                return null;
            }
            canonical.append('.').append(arc);
            arcs++;
        }
        return arcs == 0 ? null : ASN1ObjectIdentifier.tryFromID(canonical.toString());
    }

    /** A dotted OID, or {@code null} when {@code text} is not a valid one (at least two arcs, as OpenSSL needs). */
    private static ASN1ObjectIdentifier dotted(String text) {
        if (text.indexOf('.') < 0) {
            return null;
        }
        return ASN1ObjectIdentifier.tryFromID(text);
    }
}
