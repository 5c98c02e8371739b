package dev.portcullis.crypto.internal.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Date;
import java.util.function.Predicate;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.internal.Bc;
import dev.portcullis.crypto.internal.Signatures;
import dev.portcullis.crypto.pki.HeldCertificate;

/**
 * Answers OCSP requests (RFC 6960) for one CA, signing with the CA's own key: {@code good} unless the serial is
 * revoked, {@code unknown} for certificates of another issuer, {@code malformedRequest} for garbage. Echoes the
 * request nonce.
 */
public final class OcspResponder {
    private final HeldCertificate ca;
    private final Predicate<BigInteger> isRevoked;
    private final X509CertificateHolder caHolder;
    private final DigestCalculatorProvider digests;

    /** A responder for {@code ca}, asking {@code isRevoked} about each serial. */
    public OcspResponder(HeldCertificate ca, Predicate<BigInteger> isRevoked) {
        this.ca = ca;
        this.isRevoked = isRevoked;
        try {
            this.caHolder = new X509CertificateHolder(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, ca.certificate()));
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot prepare the OCSP responder", e);
        }
    }

    /** The DER OCSPResponse for the DER OCSPRequest {@code request}. */
    public byte[] respond(byte[] request) {
        try {
            OCSPReq req;
            try {
                req = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(
                    SubjectPublicKeyInfo.getInstance(caHolder.getSubjectPublicKeyInfo().getEncoded()),
                    digests.get(CertificateID.HASH_SHA1)));
            Date now = new Date();
            for (Req single : req.getRequestList()) {
                CertificateID id = single.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(caHolder, digests)) {
                    status = new UnknownStatus();
                } else if (isRevoked.test(id.getSerialNumber())) {
                    status = new RevokedStatus(now, 0);
                } else {
                    status = CertificateStatus.GOOD;
                }
                builder.addResponse(id, status, now, new Date(now.getTime() + 3_600_000L), null);
            }
            Extension nonce = req.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(Signatures.contentSigner(ca.key(), "sha256"),
                    new X509CertificateHolder[] {caHolder}, now);
            OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
            return response.getEncoded();
        } catch (OCSPException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot build an OCSP response: " + e.getMessage(), e);
        }
    }

}
