package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * A certificate chain and its private key, parsed once (per {@code Context}) into the forms bctls signs with, and
 * turned into bctls credentials for each handshake: the signature scheme is chosen from what the peer offered
 * (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1) and what the key can do.
 */
public final class LocalCredentials {
    private final List<byte[]> chainDer;
    private final TlsCertificate[] chain;
    private final AsymmetricKeyParameter key;

    private LocalCredentials(List<byte[]> chainDer, TlsCertificate[] chain, AsymmetricKeyParameter key) {
        this.chainDer = chainDer;
        this.chain = chain;
        this.key = key;
    }

    /**
     * Parses a chain (leaf first, DER) and the leaf's private key (PKCS#8 DER).
     *
     * @throws IllegalArgumentException when a certificate or the key cannot be parsed or the key type is unsupported
     */
    public static LocalCredentials of(List<byte[]> chainDer, byte[] pkcs8) {
        if (chainDer.isEmpty()) {
            throw new IllegalArgumentException("chain: no certificate");
        }
        try {
            TlsCertificate[] chain = new TlsCertificate[chainDer.size()];
            for (int i = 0; i < chain.length; i++) {
                chain[i] = HybridTlsCrypto.shared().createCertificate(chainDer.get(i));
            }
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(pkcs8));
            if (!(key instanceof RSAKeyParameters || key instanceof ECPrivateKeyParameters
                    || key instanceof Ed25519PrivateKeyParameters || key instanceof Ed448PrivateKeyParameters)) {
                throw new IllegalArgumentException("key: TLS cannot sign with a " + key.getClass().getSimpleName());
            }
            return new LocalCredentials(List.copyOf(chainDer), chain, key);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("credentials: cannot parse the certificate chain or key: " + e, e);
        }
    }

    /** The chain as given, leaf first, DER. */
    public List<byte[]> chainDer() {
        return chainDer;
    }

    /** Whether TLS 1.2 suites with key exchange {@code keyExchange} can use this key. */
    public boolean suits(int keyExchange) {
        switch (keyExchange) {
            case KeyExchangeAlgorithm.NULL:
                return true;
            case KeyExchangeAlgorithm.RSA:
            case KeyExchangeAlgorithm.DHE_RSA:
            case KeyExchangeAlgorithm.ECDHE_RSA:
                return key instanceof RSAKeyParameters;
            case KeyExchangeAlgorithm.ECDHE_ECDSA:
                return !(key instanceof RSAKeyParameters);
            default:
                return false;
        }
    }

    /**
     * bctls credentials for this handshake: a signer using a scheme from {@code peerSchemes} (or, for the TLS 1.2
     * static-RSA key exchange, a decryptor).
     *
     * @param requestContext the TLS 1.3 certificate_request_context (empty for a server), ignored before TLS 1.3
     */
    public TlsCredentials credentialsFor(TlsContext context, Vector<?> peerSchemes, byte[] requestContext)
            throws IOException {
        return credentialsFor(context, peerSchemes, requestContext, null);
    }

    /**
     * {@link #credentialsFor(TlsContext, Vector, byte[])}, with a stapled OCSP status for the leaf (TLS 1.3 sends it
     * as the status_request extension of the leaf's CertificateEntry, RFC 8446 §4.4.2.1; {@code null}: none).
     */
    public TlsCredentials credentialsFor(TlsContext context, Vector<?> peerSchemes, byte[] requestContext,
            org.bouncycastle.tls.CertificateStatus leafStatus) throws IOException {
        boolean tls13 = TlsUtils.isTLSv13(context);
        int keyExchange = context.getSecurityParametersHandshake().getKeyExchangeAlgorithm();
        if (!tls13 && keyExchange == KeyExchangeAlgorithm.RSA) {
            return new BcDefaultTlsCredentialedDecryptor(HybridTlsCrypto.shared(), new Certificate(chain), key);
        }
        // before TLS 1.2 there is no signature_algorithms negotiation: null selects the legacy MD5+SHA-1 / SHA-1 forms
        SignatureAndHashAlgorithm scheme = TlsUtils.isTLSv12(context) ? chooseScheme(peerSchemes, tls13) : null;
        Certificate certificate = tls13 ? certificate13(requestContext, leafStatus) : new Certificate(chain);
        TlsCredentialedSigner signer = new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context),
                HybridTlsCrypto.shared(), key, certificate, scheme);
        return signer;
    }

    private Certificate certificate13(byte[] requestContext, org.bouncycastle.tls.CertificateStatus leafStatus)
            throws IOException {
        CertificateEntry[] entries = new CertificateEntry[chain.length];
        for (int i = 0; i < chain.length; i++) {
            entries[i] = new CertificateEntry(chain[i], i == 0 ? statusExtension(leafStatus) : null);
        }
        return new Certificate(requestContext == null ? TlsUtils.EMPTY_BYTES : requestContext, entries);
    }

    private static java.util.Hashtable<Integer, byte[]> statusExtension(org.bouncycastle.tls.CertificateStatus status)
            throws IOException {
        if (status == null) {
            return null;
        }
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        status.encode(encoded);
        java.util.Hashtable<Integer, byte[]> extensions = new java.util.Hashtable<>();
        extensions.put(org.bouncycastle.tls.ExtensionType.status_request, encoded.toByteArray());
        return extensions;
    }

    private SignatureAndHashAlgorithm chooseScheme(Vector<?> peerSchemes, boolean tls13) throws IOException {
        for (int scheme : candidateSchemes(tls13)) {
            SignatureAndHashAlgorithm algorithm = SignatureScheme.getSignatureAndHashAlgorithm(scheme);
            if (peerSchemes == null ? !tls13 : peerSchemes.contains(algorithm)) {
                return algorithm;
            }
        }
        if (peerSchemes == null && !tls13) {
            // RFC 5246 §7.4.1.4.1: a TLS 1.2 peer that sent no signature_algorithms accepts SHA-1 with the key's type.
            return SignatureScheme.getSignatureAndHashAlgorithm(key instanceof RSAKeyParameters
                    ? SignatureScheme.rsa_pkcs1_sha1 : SignatureScheme.ecdsa_sha1);
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure,
                "no signature scheme offered by the peer fits the " + keyKind() + " key");
    }

    private List<Integer> candidateSchemes(boolean tls13) {
        List<Integer> schemes = new ArrayList<>();
        if (key instanceof RSAKeyParameters) {
            schemes.add(SignatureScheme.rsa_pss_rsae_sha256);
            schemes.add(SignatureScheme.rsa_pss_rsae_sha384);
            schemes.add(SignatureScheme.rsa_pss_rsae_sha512);
            if (!tls13) {
                schemes.add(SignatureScheme.rsa_pkcs1_sha256);
                schemes.add(SignatureScheme.rsa_pkcs1_sha384);
                schemes.add(SignatureScheme.rsa_pkcs1_sha512);
                schemes.add(SignatureScheme.rsa_pkcs1_sha1);
            }
        } else if (key instanceof ECPrivateKeyParameters) {
            int bits = ((ECPrivateKeyParameters) key).getParameters().getCurve().getFieldSize();
            int matching = bits <= 256 ? SignatureScheme.ecdsa_secp256r1_sha256
                    : bits <= 384 ? SignatureScheme.ecdsa_secp384r1_sha384 : SignatureScheme.ecdsa_secp521r1_sha512;
            schemes.add(matching);
            if (!tls13) {
                schemes.add(SignatureScheme.ecdsa_secp256r1_sha256);
                schemes.add(SignatureScheme.ecdsa_secp384r1_sha384);
                schemes.add(SignatureScheme.ecdsa_secp521r1_sha512);
                schemes.add(SignatureScheme.ecdsa_sha1);
            }
        } else if (key instanceof Ed25519PrivateKeyParameters) {
            schemes.add(SignatureScheme.ed25519);
        } else {
            schemes.add(SignatureScheme.ed448);
        }
        return schemes;
    }

    private String keyKind() {
        return key instanceof RSAKeyParameters ? "RSA" : key instanceof ECPrivateKeyParameters ? "EC"
                : key instanceof Ed25519PrivateKeyParameters ? "Ed25519" : "Ed448";
    }
}
