package dev.portcullis.compat;

import dev.portcullis.compat.internal.KeyBuilder;
import dev.portcullis.compat.internal.Pkcs11;
import dev.portcullis.compat.internal.StoredObject;
import dev.portcullis.crypto.PKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.HexFormat;
import java.util.Map;

/**
 * A private key stored in an NSS database (key4.db), with the certificate it belongs to, if any.
 *
 * <p>NSS encrypts each private component (the RSA exponent and primes, the EC or DSA private value) separately
 * with the database password and protects it with an integrity MAC; {@link #toPKey()} decrypts them once the
 * database is logged in, after checking the MACs, and fails with {@link NssDbException} for a tampered key (NSS
 * would refuse it too). The key is linked to its certificate by {@code CKA_ID}, which NSS sets to the SHA-1 of
 * the public value (RSA modulus or EC point). A key with no certificate is an <em>orphan</em>, listed by
 * {@code certutil -K} as {@code "(orphan)"}.
 */
public final class NssPrivateKey {
    private final NssDb db;
    private final StoredObject key;
    private final Map<String, byte[][]> metaData;
    private NssCertificate certificate;
    private KeyPair unlocked;

    NssPrivateKey(NssDb db, StoredObject key, Map<String, byte[][]> metaData) {
        this.db = db;
        this.key = key;
        this.metaData = metaData;
    }

    void linkCertificate(NssCertificate cert) {
        if (certificate == null) {
            certificate = cert;
        }
    }

    StoredObject stored() {
        return key;
    }

    /**
     * The key's name: its own label (pk12util stores the PKCS#12 friendly name), else the nickname of the
     * certificate with the same CKA_ID, else {@code "(orphan)"}.
     */
    public String nickname() {
        String label = label();
        if (!label.isEmpty()) {
            return label;
        }
        return certificate != null && certificate.nickname() != null ? certificate.nickname() : "(orphan)";
    }

    /**
     * The name exactly as {@code certutil -K} prints it: the key's label, else the certificate's nickname
     * prefixed with the token name ({@code "NSS Certificate DB:Server-Cert"}), else {@code "(orphan)"}.
     */
    public String listName() {
        String label = label();
        if (!label.isEmpty()) {
            return label;
        }
        return certificate != null ? NssDb.TOKEN_NAME + ":" + certificate.nickname() : "(orphan)";
    }

    /** The key's own CKA_LABEL (empty for keys certutil generated; pk12util stores the friendly name). */
    public String label() {
        byte[] v = key.raw(Pkcs11.CKA_LABEL);
        return v == null ? "" : new String(v, StandardCharsets.UTF_8);
    }

    /** The CKA_ID that links the key to its certificate (a copy; usually the SHA-1 of the public value). */
    public byte[] id() {
        byte[] v = key.bytes(Pkcs11.CKA_ID);
        return v == null ? new byte[0] : v;
    }

    /** The CKA_ID in lower-case hex, as {@code certutil -K} prints it. */
    public String idHex() {
        return HexFormat.of().formatHex(id());
    }

    /** The key algorithm as {@code certutil -K} names it: {@code "rsa"}, {@code "ec"}, {@code "dsa"} or {@code "dh"}. */
    public String keyType() {
        return KeyBuilder.typeName(key);
    }

    /** The certificate with the same CKA_ID, or {@code null} for an orphan key. */
    public NssCertificate certificate() {
        return certificate;
    }

    /**
     * The decrypted key pair as a Portcullis {@link PKey}.
     *
     * @throws NssDbException when the database is not logged in, is closed, or the key fails its integrity check
     */
    public PKey toPKey() {
        return PKey.fromJavaKeyPair(toJavaKeyPair());
    }

    /** The decrypted private key as a {@code java.security.PrivateKey} (see {@link #toPKey()}). */
    public PrivateKey toJavaPrivateKey() {
        return toJavaKeyPair().getPrivate();
    }

    /** The decrypted key pair, its public half computed from the private values (see {@link #toPKey()}). */
    public synchronized KeyPair toJavaKeyPair() {
        if (unlocked == null) {
            unlocked = db.unlock(key, metaData);
        }
        return unlocked;
    }

    /** The type, CKA_ID and name, never key material. */
    @Override
    public String toString() {
        return "NssPrivateKey[" + keyType() + " " + idHex() + " " + nickname() + "]";
    }
}
