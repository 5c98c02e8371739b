package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * A certificate as text, line for line as OpenSSL 3.0's {@code X509_print_ex} writes it:
 * {@code openssl x509 -text -noout} ({@link Flavor#OPENSSL_CLI}) or pyOpenSSL's
 * {@code dump_certificate(FILETYPE_TEXT, cert)} ({@link Flavor#PYOPENSSL}). The two differ only in how
 * the issuer and subject are written ({@code C = US, O = "A, B"} against the older {@code C=US, O=A, B}).
 */
public final class CertificateText {

    /** Whose output to reproduce. */
    public enum Flavor {
        /** {@code openssl x509 -text -noout} (names as {@code XN_FLAG_ONELINE}). */
        OPENSSL_CLI,
        /** pyOpenSSL's {@code FILETYPE_TEXT} ({@code X509_print_ex(bio, x, 0, 0)}: names as {@code X509_NAME_print}). */
        PYOPENSSL;

        String name(X500Name name) {
            return this == OPENSSL_CLI ? NameText.print(name) : NameText.printCompat(name);
        }
    }

    private CertificateText() {
    }

    /**
     * The whole dump, ending with a newline.
     *
     * @throws dev.portcullis.crypto.CryptoException when a field is malformed (OpenSSL would not have loaded it)
     */
    public static String print(Certificate certificate, Flavor flavor) {
        return Malformed.guard(() -> printUnguarded(certificate, flavor));
    }

    private static String printUnguarded(Certificate certificate, Flavor flavor) {
        TBSCertificate tbs = certificate.getTBSCertificate();
        StringBuilder out = new StringBuilder(4096);
        out.append("Certificate:\n    Data:\n");
        appendVersion(out, tbs.getVersionNumber() - 1);
        out.append("        Serial Number:");
        appendSerial(out, tbs.getSerialNumber().getValue());
        SignatureText.appendAlgorithmLine(out, tbs.getSignature());
        out.append("        Issuer: ").append(flavor.name(tbs.getIssuer())).append('\n');
        out.append("        Validity\n");
        out.append("            Not Before: ").append(ValueText.time(tbs.getStartDate())).append('\n');
        out.append("            Not After : ").append(ValueText.time(tbs.getEndDate())).append('\n');
        out.append("        Subject: ").append(flavor.name(tbs.getSubject())).append('\n');
        appendPublicKeyInfo(out, tbs);
        appendUniqueId(out, "Issuer Unique ID", tbs.getIssuerUniqueId());
        appendUniqueId(out, "Subject Unique ID", tbs.getSubjectUniqueId());
        ExtensionPrinter.appendBlock(out, "X509v3 extensions", ExtensionPrinter.listOf(tbs.getExtensions()), 8);
        SignatureText.appendSignature(out, certificate.getSignatureAlgorithm(), certificate.getSignature());
        return out.toString();
    }

    /** {@code Version: 3 (0x2)}, or {@code Version: Unknown (n)} outside 0–2. */
    static void appendVersion(StringBuilder out, int version) {
        if (version >= 0 && version <= 2) {
            out.append("        Version: ").append(version + 1).append(" (0x").append(version).append(")\n");
        } else {
            out.append("        Version: Unknown (").append(version).append(")\n");
        }
    }

    /**
     * After {@code Serial Number:}: {@code " 4096 (0x1000)"} when it fits a signed 64-bit long (and is not
     * -1, OpenSSL's error value), else a new line with the magnitude's bytes in lower-case hex.
     */
    static void appendSerial(StringBuilder out, BigInteger serial) {
        byte[] magnitude = magnitude(serial);
        boolean small = magnitude.length <= 8 && serial.abs().bitLength() <= 63 && !serial.equals(BigInteger.ONE.negate());
        if (small) {
            String neg = serial.signum() < 0 ? "-" : "";
            out.append(' ').append(neg).append(serial.abs()).append(" (").append(neg).append("0x")
                .append(serial.abs().toString(16)).append(")\n");
            return;
        }
        out.append("\n            ").append(serial.signum() < 0 ? " (Negative)" : "");
        for (int i = 0; i < magnitude.length; i++) {
            Hex.appendLower(out, magnitude[i]);
            out.append(i + 1 == magnitude.length ? '\n' : ':');
        }
    }

    /** The magnitude's big-endian bytes without sign padding, as OpenSSL stores an INTEGER. */
    static byte[] magnitude(BigInteger value) {
        byte[] bytes = value.abs().toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return bytes;
    }

    private static void appendPublicKeyInfo(StringBuilder out, TBSCertificate tbs) {
        out.append("        Subject Public Key Info:\n");
        out.append("            Public Key Algorithm: ")
            .append(dev.portcullis.crypto.internal.ObjectNames.text(tbs.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm()))
            .append('\n');
        if (!PublicKeyText.append(out, tbs.getSubjectPublicKeyInfo(), 16)) {
            out.append("            Unable to load Public Key\n");
        }
    }

    private static void appendUniqueId(StringBuilder out, String title, ASN1BitString id) {
        if (id == null) {
            return;
        }
        out.append("        ").append(title).append(": ");
        Hex.blocks(out, id.getBytes(), 18, 12);
    }
}
