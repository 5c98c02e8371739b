package dev.portcullis.ssl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.portcullis.crypto.CryptoException.Entry;

/** Reads certificate files for {@link Context} with OpenSSL-style errors. */
final class CertificateFiles {
    /** {@code Crypto.FILETYPE_PEM}. */
    static final int FILETYPE_PEM = 1;
    /** {@code Crypto.FILETYPE_ASN1}. */
    static final int FILETYPE_ASN1 = 2;

    private CertificateFiles() {
    }

    static X509Certificate readOne(Path file, int filetype) throws SslException {
        if (filetype != FILETYPE_PEM && filetype != FILETYPE_ASN1) {
            throw new IllegalArgumentException("filetype must be FILETYPE_PEM or FILETYPE_ASN1, not " + filetype);
        }
        List<X509Certificate> all = parse(read(file), filetype == FILETYPE_PEM);
        return all.get(0);
    }

    static List<X509Certificate> readAll(Path file) throws SslException {
        return parse(read(file), true);
    }

    static byte[] read(Path file) throws SslException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SslException(List.of(new Entry("system library", "", "No such file or directory"),
                    new Entry("BIO routines", "", "no such file")), e);
        } catch (IOException e) {
            throw new SslException(List.of(new Entry("system library", "", String.valueOf(e.getMessage()))), e);
        }
    }

    private static List<X509Certificate> parse(byte[] data, boolean pem) throws SslException {
        if (pem && !new String(data, java.nio.charset.StandardCharsets.ISO_8859_1).contains("-----BEGIN")) {
            throw new SslException(List.of(new Entry("PEM routines", "", "no start line")));
        }
        try {
            Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(data));
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : parsed) {
                result.add((X509Certificate) c);
            }
            if (result.isEmpty()) {
                throw new SslException(List.of(new Entry("PEM routines", "", "no start line")));
            }
            return result;
        } catch (CertificateException e) {
            throw new SslException(List.of(new Entry("asn1 encoding routines", "", "wrong tag")), e);
        }
    }
}
