package dev.portcullis.crypto.internal.pem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.portcullis.crypto.CryptoException;

/**
 * pyOpenSSL's handling of the {@code type} argument of the load and dump functions, and of PEM versus DER input.
 */
public final class FileTypes {
    /** {@code Crypto.FILETYPE_PEM}. */
    public static final int PEM = 1;
    /** {@code Crypto.FILETYPE_ASN1}. */
    public static final int ASN1 = 2;
    /** {@code Crypto.FILETYPE_TEXT}. */
    public static final int TEXT = 65535;

    private FileTypes() {
    }

    /**
     * The DER inside {@code buffer}: the first PEM block with one of {@code labels}, or the buffer itself for
     * DER, then decoded by {@code decoder}. A decoding failure inside PEM gets OpenSSL's extra
     * ({@code PEM routines}, {@code ASN1 lib}) entry.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM or FILETYPE_ASN1" for another type,
     *     or a {@code null} buffer
     */
    public static <T> T load(int type, byte[] buffer, Set<String> labels, java.util.function.Function<byte[], T> decoder) {
        if (type != PEM && type != ASN1) {
            throw new IllegalArgumentException("type argument must be FILETYPE_PEM or FILETYPE_ASN1");
        }
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must be bytes, not null");
        }
        if (type == ASN1) {
            return decoder.apply(buffer);
        }
        byte[] der = Pem.readFirst(buffer, labels).der();
        try {
            return decoder.apply(der);
        } catch (CryptoException e) {
            List<CryptoException.Entry> entries = new ArrayList<>(e.errors());
            entries.add(new CryptoException.Entry(Pem.PEM_LIB, "", "ASN1 lib"));
            throw new CryptoException(entries, e);
        }
    }

    /**
     * {@code text} as bytes, the way pyOpenSSL encodes a {@code str} buffer (ASCII).
     *
     * @throws IllegalArgumentException for {@code null} or non-ASCII text
     */
    public static byte[] ascii(String text) {
        if (text == null) {
            throw new IllegalArgumentException("buffer must be a string, not null");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                throw new IllegalArgumentException("buffer must be ASCII; found U+"
                        + String.format("%04X", (int) text.charAt(i)) + " at index " + i);
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Dumps DER as PEM under {@code label}, as DER, or as text from {@code text}.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT"
     */
    public static byte[] dump(int type, String label, java.util.function.Supplier<byte[]> der,
            java.util.function.Supplier<String> text) {
        switch (type) {
            case PEM:
                return Pem.write(label, der.get());
            case ASN1:
                return der.get().clone();
            case TEXT:
                return text.get().getBytes(StandardCharsets.UTF_8);
            default:
                throw new IllegalArgumentException(
                        "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT");
        }
    }
}
