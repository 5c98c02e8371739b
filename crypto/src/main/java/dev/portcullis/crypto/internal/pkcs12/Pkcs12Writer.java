package dev.portcullis.crypto.internal.pkcs12;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

import dev.portcullis.crypto.PKCS12Profile;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;

/**
 * Writes a PKCS#12 file (RFC 7292) laid out as OpenSSL's {@code PKCS12_create} lays it out: one safe with the
 * certificates (the main one first, then the CA certificates; encrypted as one {@code EncryptedData} unless the
 * profile says {@link PKCS12Profile.Encryption#NONE}), then one with the private key (a
 * {@code pkcs8ShroudedKeyBag}, or a plain {@code keyBag} without encryption), then the MAC. The main certificate
 * and the key carry the friendly name (a BMPString) and a local key id (the SHA-1 of the certificate) so that
 * readers pair them; the CA certificates carry no attributes, or only Java's trust mark
 * ({@link PKCS12Profile#withJavaTrust}).
 */
public final class Pkcs12Writer {
    private static final byte[] NO_ATTRIBUTES = new byte[0];
    /** Oracle's {@code trustedKeyUsage} attribute with {@code anyExtendedKeyUsage}, as keytool writes it. */
    private static final byte[] JAVA_TRUSTED = Der.tlv(Der.SET, Der.tlv(Der.SEQUENCE,
            Der.oid(new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1")),
            Der.tlv(Der.SET, Der.oid(new ASN1ObjectIdentifier("2.5.29.37.0")))));

    private Pkcs12Writer() {
    }

    /**
     * The DER file.
     *
     * @param privateKeyInfo the key's PKCS#8 PrivateKeyInfo DER, or {@code null}
     * @param certificate the main certificate's DER, or {@code null}
     * @param caCertificates DER of further certificates (possibly empty)
     * @param friendlyName UTF-8 bytes of the friendly name, or {@code null}
     */
    public static byte[] write(byte[] privateKeyInfo, byte[] certificate, List<byte[]> caCertificates,
            byte[] friendlyName, Pkcs12Password password, PKCS12Profile profile) {
        byte[] localKeyId = privateKeyInfo != null && certificate != null ? Digests.SHA1.hash(certificate) : null;
        List<byte[]> contentInfos = new ArrayList<>();
        List<byte[]> certBags = new ArrayList<>();
        if (certificate != null) {
            certBags.add(certBag(certificate, attributes(friendlyName, localKeyId)));
        }
        for (byte[] ca : caCertificates) {
            certBags.add(certBag(ca, profile.javaTrust() ? JAVA_TRUSTED : NO_ATTRIBUTES));
        }
        if (!certBags.isEmpty()) {
            contentInfos.add(protect(Der.sequence(certBags), profile.certEncryption(), password,
                    profile.iterations()));
        }
        if (privateKeyInfo != null) {
            byte[] attributes = attributes(friendlyName, localKeyId);
            byte[] bag;
            if (profile.keyEncryption() == PKCS12Profile.Encryption.NONE) {
                bag = safeBag(PKCSObjectIdentifiers.keyBag, privateKeyInfo, attributes);
            } else {
                PbeCiphers.Encrypted encrypted = PbeCiphers.encrypt(profile.keyEncryption(), privateKeyInfo,
                        password, profile.iterations());
                byte[] info = Der.tlv(Der.SEQUENCE, encrypted.algorithm(),
                        Der.tlv(Der.OCTET_STRING, encrypted.ciphertext()));
                bag = safeBag(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag, info, attributes);
            }
            contentInfos.add(dataInfo(Der.tlv(Der.SEQUENCE, bag)));
        }
        byte[] authSafe = Der.sequence(contentInfos);
        byte[] mac = new byte[0];
        if (profile.mac() != PKCS12Profile.Mac.NONE) {
            mac = Pkcs12Mac.create(macDigest(profile.mac()), authSafe, password, profile.macIterations());
        }
        return Der.tlv(Der.SEQUENCE, Der.integer(BigInteger.valueOf(3)), dataInfo(authSafe), mac);
    }

    private static DigestAlgorithm macDigest(PKCS12Profile.Mac mac) {
        switch (mac) {
            case SHA1: return Digests.SHA1;
            case SHA384: return Digests.SHA384;
            case SHA512: return Digests.SHA512;
            default: return Digests.SHA256;
        }
    }

    /** A ContentInfo holding {@code safeContents}, encrypted as EncryptedData unless {@code encryption} is NONE. */
    private static byte[] protect(byte[] safeContents, PKCS12Profile.Encryption encryption, Pkcs12Password password,
            int iterations) {
        if (encryption == PKCS12Profile.Encryption.NONE) {
            return dataInfo(safeContents);
        }
        PbeCiphers.Encrypted encrypted = PbeCiphers.encrypt(encryption, safeContents, password, iterations);
        byte[] encryptedContentInfo = Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.data),
                encrypted.algorithm(), Der.tlv(0x80, encrypted.ciphertext()));
        byte[] encryptedData = Der.tlv(Der.SEQUENCE, Der.integer(BigInteger.ZERO), encryptedContentInfo);
        return Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.encryptedData),
                Der.tlv(Der.explicit(0), encryptedData));
    }

    private static byte[] dataInfo(byte[] content) {
        return Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.data),
                Der.tlv(Der.explicit(0), Der.tlv(Der.OCTET_STRING, content)));
    }

    private static byte[] certBag(byte[] certificate, byte[] attributes) {
        byte[] value = Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.x509Certificate),
                Der.tlv(Der.explicit(0), Der.tlv(Der.OCTET_STRING, certificate)));
        return safeBag(PKCSObjectIdentifiers.certBag, value, attributes);
    }

    private static byte[] safeBag(ASN1ObjectIdentifier type, byte[] value, byte[] attributes) {
        return Der.tlv(Der.SEQUENCE, Der.oid(type), Der.tlv(Der.explicit(0), value), attributes);
    }

    /** The bag attributes SET (empty bytes when there are none). */
    private static byte[] attributes(byte[] friendlyName, byte[] localKeyId) {
        List<byte[]> attributes = new ArrayList<>();
        if (localKeyId != null) {
            attributes.add(attribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                    Der.tlv(Der.OCTET_STRING, localKeyId)));
        }
        if (friendlyName != null) {
            attributes.add(attribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                    Der.tlv(Der.BMP_STRING, bmp(friendlyName))));
        }
        return attributes.isEmpty() ? NO_ATTRIBUTES : Der.setOf(attributes);
    }

    private static byte[] attribute(ASN1ObjectIdentifier type, byte[] value) {
        return Der.tlv(Der.SEQUENCE, Der.oid(type), Der.tlv(Der.SET, value));
    }

    /** UTF-8 text as a BMPString's contents (UTF-16BE), as OpenSSL's {@code OPENSSL_utf82uni} converts it. */
    private static byte[] bmp(byte[] utf8) {
        byte[] withTerminator = Pkcs12Password.of(utf8).bmp();
        return java.util.Arrays.copyOf(withTerminator, withTerminator.length - 2);
    }

}
