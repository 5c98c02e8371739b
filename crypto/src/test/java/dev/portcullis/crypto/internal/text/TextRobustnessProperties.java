package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.Certificate;

import dev.portcullis.crypto.CryptoException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Corrupted fixture certificates that Bouncy Castle still parses must print (or fail with a CryptoException),
 * never escape with another exception: the text dumps run on whatever a user loads.
 */
class TextRobustnessProperties {
    private static final List<byte[]> CERTIFICATES = load();

    private static List<byte[]> load() {
        List<byte[]> out = new ArrayList<>();
        for (Map<String, Object> cert : TextFixtures.certificates().values()) {
            try {
                out.add(TextFixtures.certificate((String) cert.get("path")).getEncoded());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Provide
    Arbitrary<byte[]> corrupted() {
        return Combinators.combine(Arbitraries.of(CERTIFICATES), Arbitraries.integers().between(0, 100_000).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.bytes().list().ofSize(4)).as((der, positions, values) -> {
                byte[] copy = der.clone();
                for (int i = 0; i < positions.size(); i++) {
                    copy[positions.get(i) % copy.length] = values.get(i);
                }
                return copy;
            });
    }

    @Property(tries = 200)
    void printingNeverEscapesWithAnotherException(@ForAll("corrupted") byte[] der) {
        Certificate certificate;
        try {
            certificate = Certificate.getInstance(der);
            certificate.getTBSCertificate().getExtensions();
        } catch (RuntimeException notACertificate) {
            return;
        }
        try {
            CertificateText.print(certificate, CertificateText.Flavor.OPENSSL_CLI);
            CertificateText.print(certificate, CertificateText.Flavor.PYOPENSSL);
            for (var e : ExtensionPrinter.listOf(certificate.getTBSCertificate().getExtensions())) {
                try {
                    ExtensionPrinter.pyOpenSslString(e);
                } catch (CryptoException unprintable) {
                    // as pyOpenSSL
                }
            }
        } catch (CryptoException acceptable) {
            // a structure OpenSSL would not print either
        }
    }
}
