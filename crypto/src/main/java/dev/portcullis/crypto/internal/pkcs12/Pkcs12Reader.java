package dev.portcullis.crypto.internal.pkcs12;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.BerInput;

/**
 * Reads a PKCS#12 file (RFC 7292) the way OpenSSL 3's {@code PKCS12_parse} does: checks the MAC (trying the
 * absent and the empty password when none or an empty one is given), decrypts the encrypted safe contents, and
 * collects the first private key and every X.509 certificate with its friendly name and local key id. Other
 * bags (CRLs, secrets, other certificate types) and further keys are skipped without being decrypted.
 *
 * <p>BER (indefinite lengths, as Windows writes) is accepted. Work is bounded by {@link WorkBudget} and
 * {@link BerInput}.
 */
public final class Pkcs12Reader {
    private static final ASN1ObjectIdentifier X509_CERTIFICATE = PKCSObjectIdentifiers.x509Certificate;

    /** A certificate bag's contents. */
    public record CertEntry(byte[] der, byte[] friendlyName, byte[] localKeyId) {
    }

    /** What a file holds: the first private key (or {@code null}) and the certificates in file order. */
    public record Contents(PrivateKeyInfo key, byte[] keyLocalId, List<CertEntry> certificates) {
    }

    private final WorkBudget budget = new WorkBudget();
    private final List<CertEntry> certificates = new ArrayList<>();
    private List<Pkcs12Password> passwords;
    private PrivateKeyInfo key;
    private byte[] keyLocalId;

    private Pkcs12Reader() {
    }

    /**
     * Reads {@code buffer} with {@code password}.
     *
     * @throws CryptoException ({@code asn1 encoding routines}, …) first for malformed input,
     *     ({@code PKCS12 routines}, {@code mac verify failure}) for a wrong password or a damaged file,
     *     ({@code PKCS12 routines}, {@code mac absent}) then {@code mac verify failure} when a password is given
     *     for a file without a MAC (as OpenSSL 3.0), ({@code evp routines}, {@code unsupported algorithm …}) for
     *     an encryption scheme nobody implements here, and the {@link WorkBudget} errors
     */
    public static Contents read(byte[] buffer, Pkcs12Password password) {
        Pfx pfx;
        byte[] authSafe;
        try {
            pfx = Pfx.getInstance(BerInput.read(buffer));
            authSafe = dataContent(pfx.getAuthSafe());
        } catch (CryptoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("asn1 encoding routines", "",
                    "nested asn1 error")), e);
        }
        Pkcs12Reader reader = new Pkcs12Reader();
        reader.passwords = reader.resolvePassword(pfx.getMacData(), authSafe, password);
        try {
            reader.readAuthenticatedSafe(authSafe);
        } catch (CryptoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("asn1 encoding routines", "",
                    "nested asn1 error"), new CryptoException.Entry("PKCS12 routines", "", "parse error")), e);
        }
        return new Contents(reader.key, reader.keyLocalId, List.copyOf(reader.certificates));
    }

    /** OpenSSL's password choice: verify the MAC; the absent and the empty password are tried in that order. */
    private List<Pkcs12Password> resolvePassword(MacData mac, byte[] authSafe, Pkcs12Password password) {
        if (password.isAbsentOrEmpty()) {
            if (mac == null) {
                return List.of(Pkcs12Password.absent(), Pkcs12Password.of(new byte[0]));
            }
            if (Pkcs12Mac.verify(mac, authSafe, Pkcs12Password.absent(), budget)) {
                return List.of(Pkcs12Password.absent());
            }
            if (Pkcs12Mac.verify(mac, authSafe, Pkcs12Password.of(new byte[0]), budget)) {
                return List.of(Pkcs12Password.of(new byte[0]));
            }
            throw macFailure();
        }
        if (mac == null) {
            throw new CryptoException(List.of(new CryptoException.Entry("PKCS12 routines", "", "mac absent"),
                    new CryptoException.Entry("PKCS12 routines", "", "mac verify failure")));
        }
        if (!Pkcs12Mac.verify(mac, authSafe, password, budget)) {
            throw macFailure();
        }
        return List.of(password);
    }

    private static CryptoException macFailure() {
        return new CryptoException("PKCS12 routines", "mac verify failure");
    }

    private void readAuthenticatedSafe(byte[] authSafe) {
        ContentInfo[] infos = AuthenticatedSafe.getInstance(BerInput.read(authSafe)).getContentInfo();
        if (infos.length > WorkBudget.MAX_CONTENT_INFOS) {
            throw new CryptoException("PKCS12 routines", "too many content infos");
        }
        for (ContentInfo info : infos) {
            ASN1ObjectIdentifier type = info.getContentType();
            byte[] safeContents;
            if (type.equals(PKCSObjectIdentifiers.data)) {
                safeContents = dataContent(info);
            } else if (type.equals(PKCSObjectIdentifiers.encryptedData)) {
                EncryptedData encrypted = EncryptedData.getInstance(info.getContent());
                if (encrypted.getContent() == null) {
                    throw new CryptoException("PKCS12 routines", "decode error");
                }
                byte[] ciphertext = encrypted.getContent().getOctets();
                safeContents = decrypt(encrypted.getEncryptionAlgorithm(), ciphertext);
            } else {
                throw new CryptoException("PKCS12 routines", "unsupported content type "
                        + dev.portcullis.crypto.internal.ObjectNames.shortText(type)
                        + " (only password-protected files can be read)");
            }
            readSafeContents(ASN1Sequence.getInstance(BerInput.read(safeContents)), 0);
        }
    }

    /** Decrypts with the resolved password; without a MAC both empty forms are tried. */
    private byte[] decrypt(org.bouncycastle.asn1.x509.AlgorithmIdentifier algorithm, byte[] ciphertext) {
        CryptoException first = null;
        for (Pkcs12Password candidate : passwords) {
            try {
                byte[] plain = PbeCiphers.decrypt(algorithm, ciphertext, candidate, budget);
                if (passwords.size() > 1) {
                    passwords = List.of(candidate);
                }
                return plain;
            } catch (CryptoException e) {
                if (first == null) {
                    first = e;
                }
                if (!isBadDecrypt(e)) {
                    break;
                }
            }
        }
        List<CryptoException.Entry> entries = new ArrayList<>(first.errors());
        entries.add(new CryptoException.Entry("PKCS12 routines", "", "pkcs12 cipherfinal error"));
        entries.add(new CryptoException.Entry("PKCS12 routines", "", "parse error"));
        throw new CryptoException(entries, first);
    }

    private static boolean isBadDecrypt(CryptoException e) {
        return e.errors().stream().anyMatch(entry -> entry.reason().equals("bad decrypt"));
    }

    private void readSafeContents(ASN1Sequence bags, int depth) {
        for (ASN1Encodable element : bags) {
            budget.chargeBag();
            SafeBag bag = SafeBag.getInstance(element);
            ASN1ObjectIdentifier id = bag.getBagId();
            if (id.equals(PKCSObjectIdentifiers.keyBag)) {
                takeKey(bag, PrivateKeyInfo.getInstance(bag.getBagValue()));
            } else if (id.equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                if (key == null) {
                    EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(bag.getBagValue());
                    byte[] plain = decrypt(info.getEncryptionAlgorithm(), info.getEncryptedData());
                    takeKey(bag, PrivateKeyInfo.getInstance(BerInput.read(plain)));
                }
            } else if (id.equals(PKCSObjectIdentifiers.certBag)) {
                CertBag certBag = CertBag.getInstance(bag.getBagValue());
                if (certBag.getCertId().equals(X509_CERTIFICATE)) {
                    byte[] der = ASN1OctetString.getInstance(certBag.getCertValue()).getOctets();
                    certificates.add(new CertEntry(der, friendlyName(bag), localKeyId(bag)));
                }
            } else if (id.equals(PKCSObjectIdentifiers.safeContentsBag)) {
                if (depth + 1 > WorkBudget.MAX_BAG_NESTING) {
                    throw new CryptoException("PKCS12 routines", "safe contents nested too deep");
                }
                readSafeContents(ASN1Sequence.getInstance(bag.getBagValue()), depth + 1);
            }
        }
    }

    private void takeKey(SafeBag bag, PrivateKeyInfo info) {
        if (key == null) {
            key = info;
            keyLocalId = localKeyId(bag);
        }
    }

    private static byte[] dataContent(ContentInfo info) {
        if (!info.getContentType().equals(PKCSObjectIdentifiers.data)) {
            throw new CryptoException("PKCS12 routines", "content type not data");
        }
        return ASN1OctetString.getInstance(info.getContent()).getOctets();
    }

    /** The friendlyName attribute (a BMPString) as UTF-8 bytes, as OpenSSL's {@code X509_alias_get0} gives it. */
    private static byte[] friendlyName(SafeBag bag) {
        ASN1Encodable value = attribute(bag, PKCSObjectIdentifiers.pkcs_9_at_friendlyName);
        if (value instanceof ASN1String text) {
            return text.getString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return null;
    }

    private static byte[] localKeyId(SafeBag bag) {
        ASN1Encodable value = attribute(bag, PKCSObjectIdentifiers.pkcs_9_at_localKeyId);
        return value instanceof ASN1OctetString octets ? octets.getOctets() : null;
    }

    private static ASN1Encodable attribute(SafeBag bag, ASN1ObjectIdentifier type) {
        ASN1Set attributes = bag.getBagAttributes();
        if (attributes == null) {
            return null;
        }
        for (ASN1Encodable element : attributes) {
            Attribute attribute = Attribute.getInstance(element);
            if (attribute.getAttrType().equals(type) && attribute.getAttrValues().size() > 0) {
                return attribute.getAttrValues().getObjectAt(0);
            }
        }
        return null;
    }

}
