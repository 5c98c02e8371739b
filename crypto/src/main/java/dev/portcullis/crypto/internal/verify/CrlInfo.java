package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.TBSCertList;

/**
 * What OpenSSL's CRL loader ({@code crl_cb}, {@code setup_idp}) records about a CRL: issuer in canonical form,
 * authority key identifier, issuing-distribution-point flags, CRL numbers, validity times, unhandled critical
 * extensions, and the revoked serial numbers with their reasons.
 */
public final class CrlInfo {
    static final int IDP_PRESENT = 0x1;
    static final int IDP_INVALID = 0x2;
    static final int IDP_ONLYUSER = 0x4;
    static final int IDP_ONLYCA = 0x8;
    static final int IDP_ONLYATTR = 0x10;
    static final int IDP_INDIRECT = 0x20;
    static final int IDP_REASONS = 0x40;
    /** Reason code {@code removeFromCRL}: the entry un-revokes (only meaningful in delta CRLs). */
    static final int REASON_REMOVE_FROM_CRL = CRLReason.removeFromCRL;
    private static final ASN1ObjectIdentifier FRESHEST = Extension.freshestCRL;

    final CertificateList crl;
    final byte[] der;
    final CanonicalName issuer;
    final long lastUpdate;
    /** Seconds, {@link Asn1Times#INVALID} for a bad field, or {@code null} when the CRL has no nextUpdate. */
    final Long nextUpdate;
    AuthorityKeyIdentifier authorityKeyId;
    IssuingDistributionPoint idp;
    int idpFlags;
    boolean unhandledCritical;
    BigInteger crlNumber;
    BigInteger baseCrlNumber;
    private final Map<BigInteger, Integer> revoked = new HashMap<>();
    /** The issuer whose key verified this CRL's signature (checked once per issuer key). */
    private volatile CertInfo signatureVerifiedWith;

    private CrlInfo(CertificateList crl, byte[] der) {
        this.crl = crl;
        this.der = der;
        this.issuer = CanonicalName.of(crl.getIssuer());
        this.lastUpdate = Asn1Times.epochSeconds(crl.getThisUpdate());
        this.nextUpdate = crl.getNextUpdate() == null ? null : Asn1Times.epochSeconds(crl.getNextUpdate());
    }

    /** Parses a Bouncy Castle CRL structure. */
    public static CrlInfo of(CertificateList crl) {
        try {
            CrlInfo info = new CrlInfo(crl, crl.getEncoded(ASN1Encoding.DER));
            info.readExtensions(crl.getTBSCertList().getExtensions());
            info.readEntries();
            return info;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a usable X.509 CRL: " + e.getMessage(), e);
        }
    }

    /** Parses a DER-encoded CRL. */
    public static CrlInfo of(byte[] der) {
        try {
            return of(CertificateList.getInstance(der));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a DER X.509 CRL: " + e.getMessage(), e);
        }
    }

    /** The Bouncy Castle structure. */
    public CertificateList crl() {
        return crl;
    }

    boolean sameAs(CrlInfo other) {
        return other == this || Arrays.equals(der, other.der);
    }

    /** The reason code of the entry for {@code serial}, -1 for "revoked without reason", or {@code null} when not listed. */
    Integer revocationOf(BigInteger serial) {
        return revoked.get(serial);
    }

    private void readExtensions(Extensions exts) {
        if (exts == null) {
            return;
        }
        for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
            Extension e = exts.getExtension(oid);
            if (e.isCritical() && !unhandledCritical && !oid.equals(Extension.issuingDistributionPoint)
                    && !oid.equals(Extension.authorityKeyIdentifier) && !oid.equals(Extension.deltaCRLIndicator)) {
                unhandledCritical = true;
            }
        }
        Extension akid = exts.getExtension(Extension.authorityKeyIdentifier);
        if (akid != null) {
            authorityKeyId = AuthorityKeyIdentifier.getInstance(akid.getParsedValue());
        }
        Extension number = exts.getExtension(Extension.cRLNumber);
        if (number != null) {
            crlNumber = org.bouncycastle.asn1.ASN1Integer.getInstance(number.getParsedValue()).getValue();
        }
        Extension delta = exts.getExtension(Extension.deltaCRLIndicator);
        if (delta != null) {
            baseCrlNumber = org.bouncycastle.asn1.ASN1Integer.getInstance(delta.getParsedValue()).getValue();
        }
        Extension dp = exts.getExtension(Extension.issuingDistributionPoint);
        if (dp != null) {
            readIdp(IssuingDistributionPoint.getInstance(dp.getParsedValue()));
        }
    }

    /** {@code setup_idp}: the scope flags, and invalid when more than one "only contains" flag is set. */
    private void readIdp(IssuingDistributionPoint point) {
        idp = point;
        idpFlags = IDP_PRESENT;
        int only = 0;
        if (point.onlyContainsUserCerts()) {
            idpFlags |= IDP_ONLYUSER;
            only++;
        }
        if (point.onlyContainsCACerts()) {
            idpFlags |= IDP_ONLYCA;
            only++;
        }
        if (point.onlyContainsAttributeCerts()) {
            idpFlags |= IDP_ONLYATTR;
            only++;
        }
        if (only > 1) {
            idpFlags |= IDP_INVALID;
        }
        if (point.isIndirectCRL()) {
            idpFlags |= IDP_INDIRECT;
        }
        if (point.getOnlySomeReasons() != null) {
            idpFlags |= IDP_REASONS;
        }
    }

    private void readEntries() {
        Enumeration<?> entries = crl.getTBSCertList().getRevokedCertificateEnumeration();
        while (entries.hasMoreElements()) {
            TBSCertList.CRLEntry entry = (TBSCertList.CRLEntry) entries.nextElement();
            int reason = -1;
            Extensions exts = entry.getExtensions();
            if (exts != null) {
                for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
                    if (exts.getExtension(oid).isCritical() && !oid.equals(Extension.certificateIssuer)) {
                        unhandledCritical = true;
                    }
                }
                Extension r = exts.getExtension(Extension.reasonCode);
                if (r != null) {
                    reason = CRLReason.getInstance(r.getParsedValue()).getValue().intValue();
                }
            }
            revoked.putIfAbsent(entry.getUserCertificate().getValue(), reason);
        }
    }

    /** {@code X509_CRL_verify} with {@code issuer}'s key: algorithm identifiers agree and the signature verifies. */
    boolean signatureVerifiedBy(CertInfo issuer, KeyVerifier key) {
        CertInfo known = signatureVerifiedWith;
        if (known != null && (known == issuer
                || known.cert.getSubjectPublicKeyInfo().equals(issuer.cert.getSubjectPublicKeyInfo()))) {
            return true;
        }
        boolean ok;
        try {
            ok = crl.getSignatureAlgorithm().equals(crl.getTBSCertList().getSignature())
                    && key.verify(crl.getSignatureAlgorithm(), DerSlices.firstElement(der), crl.getSignature().getOctets());
        } catch (RuntimeException e) {
            ok = false;
        }
        if (ok) {
            signatureVerifiedWith = issuer;
        }
        return ok;
    }

    /** Whether the CRL carries a freshestCRL extension (a pointer to delta CRLs). */
    boolean hasFreshest() {
        Extensions exts = crl.getTBSCertList().getExtensions();
        return exts != null && exts.getExtension(FRESHEST) != null;
    }
}
