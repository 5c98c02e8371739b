package dev.portcullis.crypto.internal.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.portcullis.crypto.CRL;
import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.Revoked;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.pki.HeldCertificate;

/** Issuing CRLs from a held CA through the pyOpenSSL-style {@link CRL} API. */
public final class RevocationLists {
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RevocationLists() {
    }

    /** A v2 CRL from {@code ca} revoking {@code revoked} now, next update after {@code validity}. */
    public static CRL issue(HeldCertificate ca, List<X509> revoked, Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("CRL validity must be positive, got " + validity);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CRL crl = new CRL();
        crl.setVersion(1);
        for (X509 certificate : revoked) {
            Revoked entry = new Revoked();
            entry.setSerial(certificate.getSerialNumber());
            entry.setRevDate(GENERALIZED.format(now));
            crl.addRevoked(entry);
        }
        crl.setLastUpdate(GENERALIZED.format(now));
        crl.setNextUpdate(GENERALIZED.format(now.plus(validity)));
        X509 issuer = ca.certificate();
        crl.sign(issuer, ca.key(), digestFor(ca));
        return crl;
    }

    private static String digestFor(HeldCertificate ca) {
        int type = ca.key().type();
        return type == Crypto.TYPE_EC && ca.key().bits() > 256 ? "sha384" : "sha256";
    }
}
