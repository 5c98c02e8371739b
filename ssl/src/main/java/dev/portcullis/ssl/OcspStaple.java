package dev.portcullis.ssl;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import dev.portcullis.crypto.X509;

/**
 * Checks a stapled OCSP response (RFC 6960) against the server's chain, beyond pyOpenSSL (whose client callback gets
 * raw bytes and leaves the checking to the application). Use it inside an {@link OcspClientCallback}:
 * {@code (conn, ocsp, data) -> ocsp.length > 0 && OcspStaple.check(ocsp, conn.getPeerCertChain(), Instant.now())
 * == OcspStaple.Status.GOOD}.
 *
 * <p>The response must be {@code successful} and basic; signed by the issuer itself or by a responder certificate
 * the issuer issued with the {@code id-kp-OCSPSigning} extended key usage (RFC 6960 §4.2.2.2); name the leaf (its
 * CertID computed with the hash the response uses); and be current ({@code thisUpdate} not in the future and
 * {@code nextUpdate}, when present, not past, with five minutes of clock skew allowed).
 */
public final class OcspStaple {
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** The leaf's revocation status the response reports. */
    public enum Status { GOOD, REVOKED, UNKNOWN }

    private OcspStaple() {
    }

    /**
     * @param response the DER OCSPResponse the server stapled
     * @param chain the server's chain, leaf first, with its issuer second ({@link Connection#getPeerCertChain})
     * @param now the time to judge freshness at
     * @return the leaf's status
     * @throws SslException when the response is malformed, unsuccessful, not for the leaf, badly signed or stale
     */
    public static Status check(byte[] response, List<X509> chain, Instant now) throws SslException {
        if (response == null || chain == null || chain.size() < 2 || now == null) {
            throw new IllegalArgumentException("need the response, a chain of leaf and issuer, and a time");
        }
        try {
            OCSPResp parsed = new OCSPResp(response);
            if (parsed.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new SslException("OCSP response status is not successful (" + parsed.getStatus() + ")");
            }
            if (!(parsed.getResponseObject() instanceof BasicOCSPResp)) {
                throw new SslException("OCSP response is not a basic response");
            }
            BasicOCSPResp basic = (BasicOCSPResp) parsed.getResponseObject();
            X509Certificate leaf = chain.get(0).toJavaCertificate();
            X509Certificate issuer = chain.get(1).toJavaCertificate();
            checkSignature(basic, issuer);
            SingleResp single = find(basic, leaf, issuer);
            checkFresh(single, now);
            Object status = single.getCertStatus();
            if (status == null) {
                return Status.GOOD;
            }
            return status instanceof RevokedStatus ? Status.REVOKED : Status.UNKNOWN;
        } catch (SslException e) {
            throw e;
        } catch (java.io.IOException | org.bouncycastle.cert.ocsp.OCSPException
                | org.bouncycastle.operator.OperatorCreationException
                | java.security.cert.CertificateException | RuntimeException e) {
            throw new SslException("invalid OCSP response: " + e.getMessage(), e);
        }
    }

    /** Signed by the issuer, or by a delegated responder the issuer certified for OCSP signing. */
    private static void checkSignature(BasicOCSPResp basic, X509Certificate issuer)
            throws SslException, org.bouncycastle.cert.ocsp.OCSPException,
            org.bouncycastle.operator.OperatorCreationException, java.security.cert.CertificateException {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer))) {
            return;
        }
        for (X509CertificateHolder responder : basic.getCerts()) {
            boolean issuedByIssuer;
            try {
                issuedByIssuer = responder.getIssuer().equals(holder(issuer).getSubject())
                        && responder.isSignatureValid(verifiers.build(issuer));
            } catch (org.bouncycastle.cert.CertException e) {
                issuedByIssuer = false;
            }
            boolean forOcsp = org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                    != null && org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                    .hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
            if (issuedByIssuer && forOcsp && basic.isSignatureValid(verifiers.build(responder))) {
                return;
            }
        }
        throw new SslException("OCSP response signature is not from the issuer or its OCSP responder");
    }

    private static SingleResp find(BasicOCSPResp basic, X509Certificate leaf, X509Certificate issuer)
            throws SslException, org.bouncycastle.cert.ocsp.OCSPException,
            org.bouncycastle.operator.OperatorCreationException, java.security.cert.CertificateException {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder issuerHolder = holder(issuer);
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            if (id.getSerialNumber().equals(leaf.getSerialNumber()) && id.matchesIssuer(issuerHolder, digests)) {
                return single;
            }
        }
        throw new SslException("OCSP response does not cover the server certificate");
    }

    private static void checkFresh(SingleResp single, Instant now) throws SslException {
        Date thisUpdate = single.getThisUpdate();
        if (thisUpdate != null && thisUpdate.toInstant().isAfter(now.plus(SKEW))) {
            throw new SslException("OCSP response is not yet valid");
        }
        Date nextUpdate = single.getNextUpdate();
        if (nextUpdate != null && nextUpdate.toInstant().isBefore(now.minus(SKEW))) {
            throw new SslException("OCSP response has expired");
        }
    }

    /** The bcpkix view of a JDK certificate. */
    private static X509CertificateHolder holder(X509Certificate certificate)
            throws java.security.cert.CertificateException {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (java.io.IOException e) {
            throw new java.security.cert.CertificateException(e);
        }
    }
}
