package dev.portcullis.crypto;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.crypto.internal.x509.ExtensionModel;
import dev.portcullis.crypto.internal.x509.PublicKeys;
import dev.portcullis.crypto.internal.x509.RequestModel;
import dev.portcullis.crypto.internal.x509.Signing;

/**
 * A certificate signing request, CSR (PKCS #10, RFC 2986): pyOpenSSL's {@code crypto.X509Req}.
 *
 * <p>Whoever wants a certificate sends a CA the name they want certified ({@link #getSubject()}), their public
 * key ({@link #setPubkey}) and optionally the extensions they ask for ({@link #addExtensions}), all signed with the
 * matching private key ({@link #sign}) to prove they hold it. The CA checks that signature ({@link #verify}).
 *
 * <p>A loaded request keeps its exact bytes until changed. Java has no standard CSR type, so there is no
 * {@code toJava…} conversion; use {@link Crypto#dumpCertificateRequest} to hand it to other libraries.
 */
public final class X509Req {
    private final RequestModel model;

    /** An empty request with version 0, as pyOpenSSL's {@code X509Req()}. */
    public X509Req() {
        this(new RequestModel());
    }

    X509Req(RequestModel model) {
        this.model = model;
    }

    RequestModel model() {
        return model;
    }

    /** The version; always 0 (the only one PKCS #10 defines) unless a loaded request said otherwise. */
    public int getVersion() {
        return model.version();
    }

    /**
     * Sets the version, which must be 0 (pyOpenSSL 23.2 and later).
     *
     * @throws IllegalArgumentException "Invalid version. The only valid version for X509Req is 0." otherwise
     */
    public void setVersion(int version) {
        if (version != 0) {
            throw new IllegalArgumentException("Invalid version. The only valid version for X509Req is 0.");
        }
        model.setVersion(version);
    }

    /**
     * The subject to certify: a live view, so {@code getSubject().set("CN", "x")} changes the request (see
     * {@link X509Name}).
     */
    public X509Name getSubject() {
        return new X509Name(model.subject());
    }

    /**
     * The requester's public key, public half only.
     *
     * @throws CryptoException when the request has no key
     */
    public PKey getPubkey() {
        return PublicKeys.toPKey(model.publicKey());
    }

    /**
     * Sets the public key to certify (only the public half of {@code pkey} is used).
     *
     * @throws IllegalArgumentException for {@code null}
     * @throws CryptoException for an empty key
     */
    public void setPubkey(PKey pkey) {
        model.setPublicKey(PublicKeys.subjectPublicKeyInfo(pkey));
    }

    /**
     * Asks for extensions in the certificate, stored in a PKCS #9 {@code extensionRequest} attribute.
     *
     * @throws IllegalArgumentException "One of the elements is not an X509Extension" for a {@code null} element
     * @throws CryptoException ({@code duplicate attribute}) when extensions were already added, as OpenSSL 3
     */
    public void addExtensions(List<X509Extension> extensions) {
        model.addExtensions(X509Extension.models(extensions));
    }

    /** The requested extensions (copies), empty when there are none. */
    public List<X509Extension> getExtensions() {
        List<X509Extension> extensions = new ArrayList<>();
        for (ExtensionModel extension : model.extensions()) {
            extensions.add(new X509Extension(extension));
        }
        return extensions;
    }

    /**
     * Signs the request with the requester's private key using the named digest (Ed25519/Ed448 ignore it).
     *
     * @throws IllegalArgumentException for a {@code null}, empty ("Key is uninitialized") or public-only ("Key only
     *     has public part") key, or an unknown digest ("No such digest method")
     * @throws CryptoException when the request has no public key
     */
    public void sign(PKey pkey, String digest) {
        Signing.sign(pkey, digest, model::sign);
    }

    /**
     * Checks the request's signature against {@code pkey}'s public key; returns {@code true} when it matches.
     *
     * @throws IllegalArgumentException for {@code null} ("pkey must be a PKey instance")
     * @throws CryptoException when the signature does not match (pyOpenSSL raises {@code Error} there too), the
     *     request is unsigned, or the key is empty
     */
    public boolean verify(PKey pkey) {
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey instance, not null");
        }
        Signing.verify(pkey.toJavaPublicKey(), model.signatureAlgorithm(), model.signedPart(),
                model.signatureValue());
        return true;
    }

    /**
     * The request as {@code openssl req -text -noout} prints it, line for line (beyond pyOpenSSL; see
     * {@link X509#toText()}).
     *
     * @throws CryptoException for a request that was never signed
     */
    public String toText() {
        return dev.portcullis.crypto.internal.x509.TextDumps.request(model.encoding(),
                dev.portcullis.crypto.internal.text.CertificateText.Flavor.OPENSSL_CLI);
    }

    /** A short description with the subject. */
    @Override
    public String toString() {
        return "<X509Req subject=" + getSubject() + ">";
    }
}
