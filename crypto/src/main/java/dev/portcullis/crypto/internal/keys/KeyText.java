package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;

/**
 * Human-readable key dumps as OpenSSL prints them. {@link #rsaPrivate} is {@code RSA_print} (what pyOpenSSL's
 * {@code dump_privatekey(FILETYPE_TEXT, key)} returns); {@link #appendNumber} is OpenSSL's {@code ASN1_bn_print},
 * which every {@code -text} dump uses for big numbers.
 */
public final class KeyText {
    private static final int BYTES_PER_LINE = 15;
    private static final int LONG_BYTES = 8;

    private KeyText() {
    }

    /** {@code RSA_print} of a private key: {@code RSA Private-Key: (2048 bit, 2 primes)}, modulus, exponents… */
    public static byte[] rsaPrivate(RSAPrivateCrtKey key) {
        StringBuilder out = new StringBuilder(4096);
        out.append("RSA Private-Key: (").append(key.getModulus().bitLength()).append(" bit, 2 primes)\n");
        appendNumber(out, "modulus:", key.getModulus(), 0);
        appendNumber(out, "publicExponent:", key.getPublicExponent(), 0);
        appendNumber(out, "privateExponent:", key.getPrivateExponent(), 0);
        appendNumber(out, "prime1:", key.getPrimeP(), 0);
        appendNumber(out, "prime2:", key.getPrimeQ(), 0);
        appendNumber(out, "exponent1:", key.getPrimeExponentP(), 0);
        appendNumber(out, "exponent2:", key.getPrimeExponentQ(), 0);
        appendNumber(out, "coefficient:", key.getCrtCoefficient(), 0);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * OpenSSL's {@code ASN1_bn_print}: numbers of up to 8 bytes as {@code label value (0xhex)}; longer ones as the
     * label, then colon-separated hex bytes (a leading 00 when the top bit is set), 15 per line, indented 4 more.
     */
    public static void appendNumber(StringBuilder out, String label, BigInteger value, int indent) {
        indent(out, indent);
        String neg = value.signum() < 0 ? "-" : "";
        BigInteger magnitude = value.abs();
        if (magnitude.signum() == 0) {
            out.append(label).append(" 0\n");
            return;
        }
        if ((magnitude.bitLength() + 7) / 8 <= LONG_BYTES) {
            out.append(label).append(' ').append(neg).append(magnitude.toString())
                    .append(" (").append(neg).append("0x").append(magnitude.toString(16)).append(")\n");
            return;
        }
        out.append(label).append(neg.isEmpty() ? "" : " (Negative)");
        byte[] bytes = magnitude.toByteArray();
        for (int i = 0; i < bytes.length; i++) {
            if (i % BYTES_PER_LINE == 0) {
                out.append('\n');
                indent(out, indent + 4);
            }
            out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
            if (i + 1 < bytes.length) {
                out.append(':');
            }
        }
        out.append('\n');
    }

    private static void indent(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }
}
