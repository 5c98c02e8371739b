package dev.portcullis.compat;

import dev.portcullis.compat.internal.DbContent;
import dev.portcullis.compat.internal.KeyVault;
import dev.portcullis.compat.internal.Pkcs11;
import dev.portcullis.compat.internal.StoredObject;
import dev.portcullis.compat.internal.TrustReader;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The certificates and keys of one read of the database, linked as NSS links them: keys to certificates by
 * CKA_ID, trust objects to certificates by issuer and serial number (then checked by hash and MAC).
 */
final class Catalog {
    final List<NssCertificate> certificates;
    final List<NssPrivateKey> keys;
    final List<String> problems;

    /**
     * @param vault the login, or {@code null} before login (trust is then read unchecked, and 'u' comes from
     *     public keys, as NSS does when not logged in)
     */
    Catalog(NssDb db, DbContent content, KeyVault vault) {
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
        Map<String, Boolean> publicKeyIds = new HashMap<>();
        for (StoredObject p : content.publicOfClass(Pkcs11.CKO_PUBLIC_KEY)) {
            byte[] id = p.nonEmpty(Pkcs11.CKA_ID);
            if (id != null) {
                publicKeyIds.put(hex(id), Boolean.TRUE);
            }
        }
        Map<String, List<StoredObject>> trustByIssuerSerial = new HashMap<>();
        for (long cls : new long[] {Pkcs11.CKO_TRUST, Pkcs11.CKO_NSS_TRUST}) {
            for (StoredObject t : content.publicOfClass(cls)) {
                trustByIssuerSerial.computeIfAbsent(issuerSerial(t), x -> new ArrayList<>()).add(t);
            }
        }
        TrustReader trustReader = new TrustReader(vault == null ? null : vault.integrity(content.metaData()));
        List<NssCertificate> certList = new ArrayList<>();
        for (StoredObject c : content.publicOfClass(Pkcs11.CKO_CERTIFICATE)) {
            byte[] der = c.nonEmpty(Pkcs11.CKA_VALUE);
            X509Certificate x = der == null ? null : parse(der);
            if (x == null) {
                issues.add("certificate object " + Long.toHexString(c.id()) + " holds no readable X.509 certificate");
                continue;
            }
            byte[] id = c.nonEmpty(Pkcs11.CKA_ID);
            NssPrivateKey key = id == null ? null : keysById.get(hex(id));
            boolean user = id != null && (vault != null ? key != null : publicKeyIds.containsKey(hex(id)));
            NssTrust trust = trustReader.trustOf(der,
                    trustByIssuerSerial.getOrDefault(issuerSerial(c), List.of()), user);
            if (trust.status() == NssTrust.Status.IGNORED_TAMPERED) {
                issues.add("trust of \"" + label(c) + "\" failed its integrity check and is ignored");
            }
            NssCertificate cert = new NssCertificate(c, x, der, trust, key);
            if (key != null) {
                key.linkCertificate(cert);
            }
            certList.add(cert);
        }
        this.certificates = List.copyOf(certList);
        this.keys = List.copyOf(keyList);
        this.problems = List.copyOf(issues);
    }

    /** Whether the catalog reports tampered trust (a reason to read again once: NSS writes in two steps). */
    boolean hasTamperedTrust() {
        for (NssCertificate c : certificates) {
            if (c.trust().status() == NssTrust.Status.IGNORED_TAMPERED) {
                return true;
            }
        }
        return false;
    }

    private static String issuerSerial(StoredObject o) {
        byte[] issuer = o.raw(Pkcs11.CKA_ISSUER);
        byte[] serial = o.raw(Pkcs11.CKA_SERIAL_NUMBER);
        return (issuer == null ? "-" : hex(issuer)) + "/" + (serial == null ? "-" : hex(serial));
    }

    private static String label(StoredObject o) {
        byte[] v = o.raw(Pkcs11.CKA_LABEL);
        return v == null ? "" : new String(v, java.nio.charset.StandardCharsets.UTF_8);
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

    static boolean sameBytes(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
