package dev.portcullis.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

import dev.portcullis.crypto.internal.keys.KeyPairs;
import dev.portcullis.crypto.internal.keys.PublicKeyMatch;
import dev.portcullis.crypto.internal.pkcs12.Pkcs12Password;
import dev.portcullis.crypto.internal.pkcs12.Pkcs12Reader;
import dev.portcullis.crypto.internal.pkcs12.Pkcs12Writer;
import dev.portcullis.crypto.internal.x509.CertificateModel;

/**
 * A PKCS#12 file's contents (RFC 7292, the {@code .p12}/{@code .pfx} format Java key stores, Windows and browsers
 * exchange): a private key, its certificate, further (CA) certificates and a friendly name. pyOpenSSL's
 * {@code crypto.PKCS12}, removed in pyOpenSSL 24.1 and back here.
 *
 * <p>Like pyOpenSSL's class this is a plain holder: the getters return the very objects the setters received.
 * Read a file with {@link Crypto#loadPkcs12}; write one with {@link #export(byte[], int, int)} (pyOpenSSL's
 * settings) or with a named {@link PKCS12Profile} ({@link #export(byte[], PKCS12Profile)}), e.g.
 * {@code p12.export(password, PKCS12Profile.MODERN)} for current software and {@code PKCS12Profile.LEGACY} for old
 * Java, Windows or Tomcat.
 *
 * <p>Not thread-safe while being modified.
 */
public final class PKCS12 {
    private X509 certificate;
    private PKey privateKey;
    private List<X509> caCertificates;
    private byte[] friendlyName;

    /** An empty holder: all four getters return {@code null}. */
    public PKCS12() {
    }

    /** The certificate that goes with the private key, or {@code null}. */
    public X509 getCertificate() {
        return certificate;
    }

    /**
     * Sets the certificate (kept by reference, as pyOpenSSL).
     *
     * @throws IllegalArgumentException "cert must be an X509 instance" for {@code null} (pyOpenSSL's TypeError)
     */
    public void setCertificate(X509 cert) {
        if (cert == null) {
            throw new IllegalArgumentException("cert must be an X509 instance");
        }
        this.certificate = cert;
    }

    /** The private key, or {@code null}. */
    public PKey getPrivateKey() {
        return privateKey;
    }

    /**
     * Sets the private key (kept by reference).
     *
     * @throws IllegalArgumentException "pkey must be a PKey instance" for {@code null}
     */
    public void setPrivateKey(PKey pkey) {
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey instance");
        }
        this.privateKey = pkey;
    }

    /**
     * The further certificates (usually the CA chain) in file order, or {@code null} when there are none (as
     * pyOpenSSL returns {@code None}); after {@code setCaCertificates(List.of())} an empty list. The list is
     * unmodifiable; its elements are the objects given.
     */
    public List<X509> getCaCertificates() {
        return caCertificates;
    }

    /**
     * Replaces the further certificates (order kept); {@code null} removes them.
     *
     * @throws IllegalArgumentException "iterable must only contain X509 instances" for a {@code null} element
     */
    public void setCaCertificates(List<X509> certificates) {
        if (certificates == null) {
            this.caCertificates = null;
            return;
        }
        for (X509 cert : certificates) {
            if (cert == null) {
                throw new IllegalArgumentException("iterable must only contain X509 instances");
            }
        }
        this.caCertificates = List.copyOf(certificates);
    }

    /**
     * The friendly name (the alias Java and Windows show) as UTF-8 bytes, or {@code null}. A loaded file gives
     * the main certificate's name, so a file without a certificate has none, as in pyOpenSSL.
     */
    public byte[] getFriendlyName() {
        return friendlyName == null ? null : friendlyName.clone();
    }

    /** Sets the friendly name (UTF-8 bytes; stored in the file as a BMPString); {@code null} removes it. */
    public void setFriendlyName(byte[] name) {
        this.friendlyName = name == null ? null : name.clone();
    }

    /** pyOpenSSL's {@code export()} with no passphrase, 2,048 iterations and a 1-iteration MAC. */
    public byte[] export() {
        return export((byte[]) null, 2048, 1);
    }

    /** pyOpenSSL's {@code export(passphrase)}: 2,048 iterations and a 1-iteration MAC. */
    public byte[] export(byte[] passphrase) {
        return export(passphrase, 2048, 1);
    }

    /**
     * Writes a PKCS#12 file exactly as pyOpenSSL 23's {@code export(passphrase, iter, maciter)} did on OpenSSL 3
     * ({@link PKCS12Profile#PYOPENSSL}: 3DES for key and certificates, HMAC-SHA256 MAC).
     *
     * <p>OpenSSL's argument rules apply: {@code iter <= 0} means 2,048; {@code maciter == -1} means no MAC,
     * {@code maciter == 0} means 2,048 and any other value below 2 means 1. A {@code null} passphrase is
     * OpenSSL's absent password and an empty one its empty password; both read back with either.
     *
     * @throws CryptoException ({@code x509 certificate routines}, {@code key values mismatch}) when the key does not
     *     belong to the certificate, ({@code PKCS12 routines}, {@code invalid null argument}) when the holder is
     *     empty
     */
    public byte[] export(byte[] passphrase, int iter, int maciter) {
        int iterations = iter <= 0 ? 2048 : iter;
        int macIterations = maciter == 0 ? 2048 : Math.max(maciter, 1);
        PKCS12Profile profile = PKCS12Profile.PYOPENSSL.withIterations(iterations, macIterations);
        if (maciter == -1) {
            profile = profile.withMac(PKCS12Profile.Mac.NONE);
        }
        return export(passphrase, profile);
    }

    /**
     * Writes a PKCS#12 file protected as {@code profile} says (beyond pyOpenSSL).
     *
     * @param passphrase the password bytes (UTF-8 for text); {@code null} for OpenSSL's absent password
     * @throws IllegalArgumentException for a {@code null} profile
     * @throws CryptoException as {@link #export(byte[], int, int)}, and for a public-only key or an unsigned
     *     certificate
     */
    public byte[] export(byte[] passphrase, PKCS12Profile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("profile must be a PKCS12Profile, not null");
        }
        if (privateKey == null && certificate == null && caCertificates == null) {
            throw new CryptoException("PKCS12 routines", "invalid null argument");
        }
        byte[] certificateDer = certificate == null ? null : certificate.model().encoding();
        byte[] keyInfo = null;
        if (privateKey != null) {
            if (certificateDer != null && !PublicKeyMatch.same(certificate.model().publicKey(),
                    privateKey.toJavaPublicKey())) {
                throw new CryptoException("x509 certificate routines", "key values mismatch");
            }
            if (!privateKey.hasPrivateKey()) {
                throw new CryptoException("PKCS12 routines", "key has only a public part");
            }
            keyInfo = privateKey.toJavaPrivateKey().getEncoded();
        }
        List<byte[]> cas = new ArrayList<>();
        if (caCertificates != null) {
            for (X509 ca : caCertificates) {
                cas.add(ca.model().encoding());
            }
        }
        Pkcs12Password password = Pkcs12Password.of(passphrase);
        try {
            return Pkcs12Writer.write(keyInfo, certificateDer, cas, friendlyName, password, profile);
        } finally {
            if (keyInfo != null) {
                Arrays.fill(keyInfo, (byte) 0);
            }
        }
    }

    /** {@link #export(byte[], PKCS12Profile)} with a text password (encoded as UTF-8, then cleared). */
    public byte[] export(char[] passphrase, PKCS12Profile profile) {
        byte[] bytes = utf8(passphrase);
        try {
            return export(bytes, profile);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** Reads a file; see {@link Crypto#loadPkcs12(byte[], byte[])}. */
    static PKCS12 load(byte[] buffer, byte[] passphrase) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must be bytes, not null");
        }
        if (buffer.length == 0) {
            throw new CryptoException(List.of());
        }
        Pkcs12Password password = passphrase == null || passphrase.length == 0 ? Pkcs12Password.absent()
                : Pkcs12Password.of(passphrase);
        Pkcs12Reader.Contents contents = Pkcs12Reader.read(buffer, password);
        PKCS12 result = new PKCS12();
        if (contents.key() != null) {
            result.privateKey = toPKey(contents.key());
        }
        List<X509> others = new ArrayList<>();
        Pkcs12Reader.CertEntry main = mainCertificate(contents, result.privateKey);
        for (Pkcs12Reader.CertEntry entry : contents.certificates()) {
            X509 cert = new X509(CertificateModel.read(entry.der()));
            if (entry == main) {
                result.certificate = cert;
                result.friendlyName = entry.friendlyName();
            } else {
                others.add(cert);
            }
        }
        result.caCertificates = others.isEmpty() ? null : List.copyOf(others);
        return result;
    }

    /**
     * The certificate that goes with the key: among those holding the key's public key, the one whose local
     * key id matches the key's, else the first (OpenSSL 3 takes the first match by public key).
     */
    private static Pkcs12Reader.CertEntry mainCertificate(Pkcs12Reader.Contents contents, PKey key) {
        if (key == null) {
            return null;
        }
        Pkcs12Reader.CertEntry first = null;
        for (Pkcs12Reader.CertEntry entry : contents.certificates()) {
            byte[] spki;
            try {
                spki = CertificateModel.read(entry.der()).publicKey();
            } catch (CryptoException e) {
                continue;
            }
            if (!PublicKeyMatch.same(spki, key.toJavaPublicKey())) {
                continue;
            }
            if (contents.keyLocalId() != null && Arrays.equals(contents.keyLocalId(), entry.localKeyId())) {
                return entry;
            }
            if (first == null) {
                first = entry;
            }
        }
        return first;
    }

    private static PKey toPKey(PrivateKeyInfo info) {
        try {
            return PKey.fromJavaKey(KeyPairs.privateKey(info));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("PKCS12 routines", "unsupported private key type", e);
        }
    }

    static byte[] utf8(char[] text) {
        if (text == null) {
            return null;
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    /** A short description (never key material or the friendly name's bytes). */
    @Override
    public String toString() {
        return "<PKCS12 key=" + (privateKey != null) + " cert=" + (certificate != null) + " ca="
                + (caCertificates == null ? 0 : caCertificates.size()) + ">";
    }
}
