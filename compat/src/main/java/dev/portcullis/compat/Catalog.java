package dev.portcullis.compat;

import dev.portcullis.compat.internal.DbContent;
import dev.portcullis.compat.internal.DbFiles;
import dev.portcullis.compat.internal.KeyVault;
import dev.portcullis.compat.internal.Pkcs11;
import dev.portcullis.compat.internal.StoredObject;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The certificates and keys of one read of the database, linked as NSS links them: keys to certificates by
 * CKA_ID, trust objects to certificates by issuer and serial number (decoded lazily by {@link TrustSource}).
 */
final class Catalog {
    final List<NssCertificate> certificates;
    final List<NssPrivateKey> keys;
    private final List<String> unreadable;
    private final TrustSource trust;
    private final Map<ByteBuffer, X509Certificate> parsed;

    /**
     * @param vault the login, or {@code null} before login (trust is then read unchecked, and 'u' comes from
     *     public keys, as NSS does when not logged in)
     */
    Catalog(NssDb db, DbFiles files, DbContent content, KeyVault vault, BooleanSupplier closed,
            Map<ByteBuffer, X509Certificate> previouslyParsed) {
        this.trust = new TrustSource(files, content, vault, closed);
        List<String> issues = new ArrayList<>();
        List<NssPrivateKey> keyList = new ArrayList<>();
        Map<String, NssPrivateKey> keysById = new HashMap<>();
        for (StoredObject k : content.privateOfClass(Pkcs11.CKO_PRIVATE_KEY)) {
            NssPrivateKey key = new NssPrivateKey(db, k, content.metaData());
            keyList.add(key);
            byte[] id = k.nonEmpty(Pkcs11.CKA_ID);
            if (id != null) {
                keysById.putIfAbsent(hex(id), key);
            }
        }
        Set<String> publicKeyIds = new HashSet<>();
        for (StoredObject p : content.publicOfClass(Pkcs11.CKO_PUBLIC_KEY)) {
            byte[] id = p.nonEmpty(Pkcs11.CKA_ID);
            if (id != null) {
                publicKeyIds.add(hex(id));
            }
        }
        List<NssCertificate> certList = new ArrayList<>();
        Map<ByteBuffer, X509Certificate> parsedNow = new HashMap<>();
        for (StoredObject c : content.publicOfClass(Pkcs11.CKO_CERTIFICATE)) {
            byte[] der = c.nonEmpty(Pkcs11.CKA_VALUE);
            X509Certificate x = der == null ? null : previouslyParsed.get(ByteBuffer.wrap(der));
            if (x == null && der != null) {
                x = parse(der);
            }
            if (x != null) {
                parsedNow.put(ByteBuffer.wrap(der), x);
            }
            if (x == null) {
                issues.add("certificate object " + Long.toHexString(c.id()) + " holds no readable X.509 certificate");
                continue;
            }
            byte[] id = c.nonEmpty(Pkcs11.CKA_ID);
            NssPrivateKey key = id == null ? null : keysById.get(hex(id));
            boolean user = id != null && (vault != null ? key != null : publicKeyIds.contains(hex(id)));
            NssCertificate cert = new NssCertificate(c, x, der, this.trust, user, key);
            if (key != null) {
                key.linkCertificate(cert);
            }
            certList.add(cert);
        }
        this.certificates = List.copyOf(certList);
        this.keys = List.copyOf(keyList);
        this.unreadable = List.copyOf(issues);
        this.parsed = parsedNow;
    }

    /** The certificates parsed for this catalog, by DER (handed to the next one). */
    Map<ByteBuffer, X509Certificate> parsedCertificates() {
        return parsed;
    }

    /** Unreadable certificates, and trust found tampered (decoding the trust of every certificate first). */
    List<String> problems() {
        for (NssCertificate c : certificates) {
            c.trust();
        }
        List<String> all = new ArrayList<>(unreadable);
        all.addAll(trust.problems());
        return all;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }
}
