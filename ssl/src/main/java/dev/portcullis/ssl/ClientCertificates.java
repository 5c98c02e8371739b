package dev.portcullis.ssl;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.TlsFatalAlert;

import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Name;
import dev.portcullis.ssl.internal.LocalCredentials;

/**
 * Client certificates beyond the plain use of one: the CA names a server sends in its CertificateRequest (OpenSSL's
 * client CA list) and the client's selection callback.
 */
final class ClientCertificates {
    private ClientCertificates() {
    }

    /** Copies of the names, refusing {@code null}s. */
    static List<X509Name> copyNames(List<X509Name> names) {
        if (names == null) {
            throw new IllegalArgumentException("certificate_authorities must be a list of X509Name, not null");
        }
        List<X509Name> copy = new ArrayList<>(names.size());
        for (X509Name name : names) {
            if (name == null) {
                throw new IllegalArgumentException("client CAs must be X509Name objects, not null");
            }
            copy.add(new X509Name(name));
        }
        return copy;
    }

    /** The subjects of the certificates in a PEM file (OpenSSL's {@code SSL_load_client_CA_file}). */
    static List<X509Name> subjectsIn(String cafile) throws SslException {
        if (cafile == null) {
            throw new IllegalArgumentException("cafile must be a path, not null");
        }
        List<X509Name> names = new ArrayList<>();
        for (X509Certificate certificate : CertificateFiles.readAll(Path.of(cafile))) {
            names.add(X509.fromJavaCertificate(certificate).getSubject());
        }
        return names;
    }

    /** Server: the names as the CertificateRequest carries them, or {@code null} for none. */
    static Vector<X500Name> toWire(List<X509Name> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        Vector<X500Name> wire = new Vector<>(names.size());
        for (X509Name name : names) {
            wire.add(X500Name.getInstance(name.der()));
        }
        return wire;
    }

    /** Client: the names a server's CertificateRequest carried (empty when none). */
    static List<X509Name> fromWire(CertificateRequest request) {
        Vector<?> authorities = request.getCertificateAuthorities();
        List<X509Name> names = new ArrayList<>();
        if (authorities != null) {
            for (Object authority : authorities) {
                try {
                    names.add(X509Name.fromDer(((X500Name) authority).getEncoded()));
                } catch (IOException e) {
                    throw new IllegalArgumentException("unencodable CA name", e);
                }
            }
        }
        return names;
    }

    /** The RFC 8446 names of the signature schemes a CertificateRequest allows. */
    static List<String> signatureNames(CertificateRequest request) {
        Vector<?> algorithms = request.getSupportedSignatureAlgorithms();
        List<String> names = new ArrayList<>();
        if (algorithms != null) {
            for (Object algorithm : algorithms) {
                names.add(SignatureScheme.getName(SignatureScheme.from((SignatureAndHashAlgorithm) algorithm)));
            }
        }
        return names;
    }

    /**
     * Runs the selection callback; its result becomes the credentials to send ({@code null}: none). Exceptions are
     * recorded on the engine (rethrown in place of the TLS error) and fail the handshake with internal_error.
     */
    static LocalCredentials select(Connection connection, ClientCertCallback callback, List<X509Name> issuers,
            List<String> signatureAlgorithms) throws IOException {
        try {
            ClientCertificate chosen = callback.select(connection, issuers, signatureAlgorithms);
            if (chosen == null) {
                return null;
            }
            Credentials credentials = new Credentials();
            List<X509Certificate> chain = new ArrayList<>();
            for (X509 certificate : chosen.chain()) {
                chain.add(certificate.toJavaCertificate());
            }
            credentials.useChain(chain);
            try {
                credentials.usePrivateKey(Credentials.privateHalf(chosen.key()));
                return credentials.resolve();
            } catch (SslException e) {
                throw new IllegalArgumentException("the client certificate callback returned a key that does not "
                        + "belong to its certificate", e);
            }
        } catch (RuntimeException e) {
            connection.engine().recordCallbackFailure(e);
            throw new TlsFatalAlert(AlertDescription.internal_error, "the client certificate callback failed");
        }
    }
}
