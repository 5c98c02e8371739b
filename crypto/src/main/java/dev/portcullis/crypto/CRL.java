package dev.portcullis.crypto;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.CertificateList;

import dev.portcullis.crypto.internal.Bc;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.crl.CrlModel;
import dev.portcullis.crypto.internal.crl.RevokedEntry;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.pem.FileTypes;
import dev.portcullis.crypto.internal.text.CertificateText;
import dev.portcullis.crypto.internal.text.CrlText;
import dev.portcullis.crypto.internal.x509.Asn1Time;
import dev.portcullis.crypto.internal.x509.Signing;

/**
 * A certificate revocation list (RFC 5280 §5): an issuer's signed list of the serial numbers of certificates it
 * has revoked before their expiry, with when the list was made ({@link #setLastUpdate}) and when the next one is
 * due ({@link #setNextUpdate}). pyOpenSSL's {@code crypto.CRL}, removed in pyOpenSSL 24.3 and back here.
 *
 * <p>Build one as pyOpenSSL code does: {@code new CRL()}, {@link #addRevoked} entries, then {@link #sign} or
 * {@link #export} with the issuer's certificate and key. Or read one with {@link Crypto#loadCrl}: a loaded list
 * keeps its exact bytes and decodes entries only when asked, and {@link #findRevoked(BigInteger)} (beyond
 * pyOpenSSL) answers "is this serial revoked?" from a hash index without decoding the others.
 *
 * <p>Like pyOpenSSL, {@link #sign} and {@link #export} add no CRL extensions (no CRL number, no authority key
 * identifier); a loaded list keeps the extensions it had, and {@link #addExtensions} adds more. Not thread-safe
 * while being modified.
 */
public final class CRL {
    private static final Set<String> LABELS = Set.of("X509 CRL");

    private final CrlModel model;

    /** An empty v1 list: no issuer, no times, no entries, unsigned. */
    public CRL() {
        this(new CrlModel());
    }

    CRL(CrlModel model) {
        this.model = model;
    }

    /** The internal model (for the verification engine). */
    CrlModel model() {
        return model;
    }

    /**
     * This list as Bouncy Castle's {@code CertificateList} (for {@code X509Store.addCrl} and the verification
     * engine; parsed from {@link CrlModel#encoding()}, the exact bytes while unchanged).
     *
     * @throws CryptoException for a list that was never signed
     */
    CertificateList toCertificateList() {
        return CertificateList.getInstance(model.encoding());
    }

    static CRL load(int type, byte[] buffer) {
        return new CRL(FileTypes.load(type, buffer, LABELS, CrlModel::read));
    }

    byte[] dump(int type) {
        return FileTypes.dump(type, "X509 CRL", model::encoding,
                () -> CrlText.print(toCertificateList(), CertificateText.Flavor.PYOPENSSL));
    }

    /**
     * Copies of the revoked entries in list order, or {@code null} when there are none (as pyOpenSSL returns
     * {@code None}); changing them does not change this list.
     */
    public List<Revoked> getRevoked() {
        int size = model.size();
        if (size == 0) {
            return null;
        }
        List<Revoked> copies = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copies.add(new Revoked(model.entry(i).copy()));
        }
        return copies;
    }

    /**
     * A copy of the first entry for {@code serial}, or {@code null} when it is not revoked here (beyond
     * pyOpenSSL; the JDK's {@code X509CRL.getRevokedCertificate}). The first call on a loaded list builds a hash
     * index of its serials; later calls cost one hash lookup.
     */
    public Revoked findRevoked(BigInteger serial) {
        if (serial == null) {
            throw new IllegalArgumentException("serial must be an integer, not null");
        }
        RevokedEntry entry = model.find(serial);
        return entry == null ? null : new Revoked(entry.copy());
    }

    /** Appends a copy of {@code revoked}; later changes to it do not reach this list. */
    public void addRevoked(Revoked revoked) {
        if (revoked == null) {
            throw new IllegalArgumentException("revoked must be a Revoked instance, not null");
        }
        model.add(revoked.entry().copy());
    }

    /** A copy of the issuer's name. */
    public X509Name getIssuer() {
        return new X509Name(model.issuer().copy());
    }

    /** The zero-based version: 0 for v1 (also when the field is absent), 1 for v2 (beyond pyOpenSSL). */
    public int getVersion() {
        BigInteger version = model.version();
        return version == null ? 0 : version.intValue();
    }

    /** Sets the zero-based version (1 means v2, which RFC 5280 requires when extensions are present). */
    public void setVersion(int version) {
        model.setVersion(version);
    }

    /** Number of CRL extensions (beyond pyOpenSSL). */
    public int getExtensionCount() {
        return model.extensions().size();
    }

    /**
     * CRL extension number {@code index}, 0-based (beyond pyOpenSSL).
     *
     * @throws IllegalArgumentException "extension index out of bounds" for a bad index
     */
    public X509Extension getExtension(int index) {
        List<dev.portcullis.crypto.internal.x509.ExtensionModel> extensions = model.extensions();
        if (index < 0 || index >= extensions.size()) {
            throw new IllegalArgumentException("extension index out of bounds: " + index);
        }
        return new X509Extension(extensions.get(index));
    }

    /**
     * Appends CRL extensions (beyond pyOpenSSL, which wrote none). RFC 5280 §5.2 asks a CA for two: the
     * authority key identifier ({@code new X509Extension("authorityKeyIdentifier", false, "keyid:always", null,
     * issuerCert)}) and a CRL number ({@code new X509Extension("crlNumber", false, "DER:02:01:2A")} for 42).
     * Extensions need a v2 list: call {@code setVersion(1)} too.
     *
     * @throws IllegalArgumentException for a {@code null} list or element
     */
    public void addExtensions(List<X509Extension> extensions) {
        model.addExtensions(X509Extension.models(extensions));
    }

    /**
     * Sets when this list was issued (RFC 5280's {@code thisUpdate}) from ASN.1 time text
     * ({@code "20250101000000Z"}).
     *
     * @throws IllegalArgumentException "Invalid string" for text that is not an ASN.1 time
     */
    public void setLastUpdate(String when) {
        model.setThisUpdate(Revoked.parseTime(when));
    }

    /** Sets when the next list is due; see {@link #setLastUpdate}. */
    public void setNextUpdate(String when) {
        model.setNextUpdate(Revoked.parseTime(when));
    }

    /** {@code thisUpdate} as GeneralizedTime text, or {@code null} (beyond pyOpenSSL). */
    public String getLastUpdate() {
        Asn1Time time = model.thisUpdate();
        return time == null ? null : time.generalizedText();
    }

    /** {@code nextUpdate} as GeneralizedTime text, or {@code null} (beyond pyOpenSSL). */
    public String getNextUpdate() {
        Asn1Time time = model.nextUpdate();
        return time == null ? null : time.generalizedText();
    }

    /**
     * Signs the list (pyOpenSSL's {@code sign}): the issuer name becomes {@code issuerCert}'s subject, the entries
     * are sorted by serial number as OpenSSL's {@code X509_CRL_sort} does, then the list is signed with
     * {@code issuerKey} and the named digest. Set {@link #setLastUpdate} first: a list without it cannot be
     * encoded.
     *
     * @throws IllegalArgumentException for {@code null} arguments, an empty or public-only key, or an unknown
     *     digest ("No such digest method")
     * @throws CryptoException when the list cannot be encoded
     */
    public void sign(X509 issuerCert, PKey issuerKey, String digest) {
        if (issuerCert == null) {
            throw new IllegalArgumentException("issuer_cert must be an X509 instance, not null");
        }
        Digests.byName(digest);
        model.setIssuer(issuerCert.model().subject());
        model.sortEntries();
        Signing.sign(issuerKey, digest, model::sign);
    }

    /** {@link #export(X509, PKey, int, int, String)} as PEM with the next update due in 100 days. */
    public byte[] export(X509 cert, PKey key, String digest) {
        return export(cert, key, Crypto.FILETYPE_PEM, 100, digest);
    }

    /**
     * Issues the list now and returns it encoded (pyOpenSSL's {@code export}): lastUpdate becomes now,
     * nextUpdate now plus {@code days} days, the issuer {@code cert}'s subject; then it is signed with {@code key}
     * (entries are not sorted here, as in pyOpenSSL) and dumped as {@link Crypto#dumpCrl} would.
     *
     * @param type {@link Crypto#FILETYPE_PEM}, {@link Crypto#FILETYPE_ASN1} or {@link Crypto#FILETYPE_TEXT}
     * @throws IllegalArgumentException "digest must be provided" for a {@code null} digest (pyOpenSSL 17.1+),
     *     "cert must be an X509 instance", "key must be a PKey instance", "No such digest method", or an unknown
     *     type (after signing, as pyOpenSSL)
     * @throws CryptoException for an empty or public-only key
     */
    public byte[] export(X509 cert, PKey key, int type, int days, String digest) {
        if (cert == null) {
            throw new IllegalArgumentException("cert must be an X509 instance");
        }
        if (key == null) {
            throw new IllegalArgumentException("key must be a PKey instance");
        }
        if (digest == null) {
            throw new IllegalArgumentException("digest must be provided");
        }
        Digests.byName(digest);
        if (!key.hasPrivateKey()) {
            throw new CryptoException(List.of());
        }
        Instant now = Instant.now();
        model.setThisUpdate(Asn1Time.of(now));
        model.setNextUpdate(Asn1Time.of(now.plusSeconds(days * 86_400L)));
        model.setIssuer(cert.model().subject());
        Signing.sign(key, digest, model::sign);
        return dump(type);
    }

    /** The text {@code openssl crl -text -noout} prints for this list (beyond pyOpenSSL). */
    public String toText() {
        return CrlText.print(toCertificateList(), CertificateText.Flavor.OPENSSL_CLI);
    }

    /**
     * This list as a {@code java.security.cert.X509CRL} (pyOpenSSL's {@code to_cryptography}).
     *
     * @throws CryptoException for a list that was never signed
     */
    public X509CRL toJavaCrl() {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
            return (X509CRL) factory.generateCRL(new ByteArrayInputStream(model.encoding()));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "decode error", e);
        }
    }

    /**
     * A CRL for a {@code java.security.cert.X509CRL} (pyOpenSSL's {@code from_cryptography}), keeping its exact
     * encoding.
     *
     * @throws IllegalArgumentException for {@code null} ("Must be a certificate revocation list")
     * @throws CryptoException when its encoding cannot be read
     */
    public static CRL fromJavaCrl(X509CRL crl) {
        if (crl == null) {
            throw new IllegalArgumentException("Must be a certificate revocation list");
        }
        try {
            return new CRL(CrlModel.read(crl.getEncoded()));
        } catch (CRLException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "encode error", e);
        }
    }

    /** The issuer and the number of entries. */
    @Override
    public String toString() {
        return "<CRL issuer=" + getIssuer() + " revoked=" + model.size() + ">";
    }
}
