package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;

/**
 * The certificates and CRLs of a PEM file, as {@code X509_load_cert_crl_file} reads a CA file: every
 * {@code CERTIFICATE}, {@code TRUSTED CERTIFICATE} and {@code X509 CRL} block in order, other blocks skipped.
 */
public record PemBundle(List<CertInfo> certificates, List<CrlInfo> crls) {

    /** Parses {@code pem}; a malformed certificate or CRL block is an {@link IllegalArgumentException}. */
    public static PemBundle parse(byte[] pem) {
        List<CertInfo> certs = new ArrayList<>();
        List<CrlInfo> crls = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.ISO_8859_1)))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(CertInfo.of(h.toASN1Structure()));
                } else if (o instanceof X509TrustedCertificateBlock t) {
                    certs.add(CertInfo.of(t.getCertificateHolder().toASN1Structure()));
                } else if (o instanceof X509CRLHolder c) {
                    crls.add(CrlInfo.of(c.toASN1Structure()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("bad PEM data: " + e.getMessage(), e);
        }
        return new PemBundle(List.copyOf(certs), List.copyOf(crls));
    }

    /** Whether nothing usable was found. */
    public boolean isEmpty() {
        return certificates.isEmpty() && crls.isEmpty();
    }
}
