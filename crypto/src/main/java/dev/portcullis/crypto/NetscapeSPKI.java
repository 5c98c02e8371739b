package dev.portcullis.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.x509.PublicKeys;
import dev.portcullis.crypto.internal.x509.SignedEnvelope;
import dev.portcullis.crypto.internal.x509.Signing;

/**
 * A Netscape signed public key and challenge (SPKAC): a public key plus a challenge string, signed with the
 * matching private key to prove possession. Browsers' {@code <keygen>} produced these, and {@code openssl spkac}
 * and {@code openssl ca -spkac} still read and write them. pyOpenSSL's {@code crypto.NetscapeSPKI}, removed in
 * pyOpenSSL 24.1 and back here.
 *
 * <pre>
 * SignedPublicKeyAndChallenge ::= SEQUENCE {
 *     publicKeyAndChallenge SEQUENCE { spki SubjectPublicKeyInfo, challenge IA5String },
 *     signatureAlgorithm AlgorithmIdentifier,
 *     signature BIT STRING }
 * </pre>
 *
 * <p>Build one with {@code new NetscapeSPKI()}, {@link #setPubkey}, optionally {@link #setChallenge}, then
 * {@link #sign}; {@link #b64Encode()} gives the text {@code openssl spkac} reads after {@code SPKAC=}. Read one
 * with {@link #fromBase64} (the constructor argument pyOpenSSL 0.9 had). Not thread-safe while being modified.
 */
public final class NetscapeSPKI {
    private byte[] publicKey;
    private byte[] challenge = new byte[0];
    private byte[] algorithm;
    private byte[] signature;

    /** An empty SPKAC: no key, an empty challenge, unsigned. */
    public NetscapeSPKI() {
    }

    /**
     * Reads the base64 text of a DER SPKAC (what follows {@code SPKAC=} in {@code openssl spkac} output; line breaks
     * and spaces are ignored).
     *
     * @throws IllegalArgumentException for {@code null}
     * @throws CryptoException for text that is not base64 or not an SPKAC
     */
    public static NetscapeSPKI fromBase64(String base64) {
        if (base64 == null) {
            throw new IllegalArgumentException("base64 text must not be null");
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.replaceAll("[\\s]", ""));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("x509 certificate routines", "base64 decode error");
        }
        SignedEnvelope envelope = SignedEnvelope.read(der);
        DerReader fields = new DerReader(der, envelope.tbsStart(), envelope.tbsEnd()).expect(Der.SEQUENCE).children();
        NetscapeSPKI spki = new NetscapeSPKI();
        spki.publicKey = fields.expect(Der.SEQUENCE).element();
        spki.challenge = fields.expect(Der.IA5_STRING).content();
        fields.expectEnd();
        spki.algorithm = envelope.algorithm();
        spki.signature = envelope.signature();
        return spki;
    }

    /**
     * Sets the public key (only the public half of {@code pkey} is used); an earlier signature no longer matches.
     *
     * @throws IllegalArgumentException for {@code null}
     * @throws CryptoException for an empty key
     */
    public void setPubkey(PKey pkey) {
        publicKey = PublicKeys.subjectPublicKeyInfo(pkey);
    }

    /**
     * The public key, public half only.
     *
     * @throws CryptoException when none is set
     */
    public PKey getPubkey() {
        return PublicKeys.toPKey(publicKey);
    }

    /** The challenge string (beyond pyOpenSSL; empty unless set or read). */
    public String getChallenge() {
        return new String(challenge, StandardCharsets.ISO_8859_1);
    }

    /**
     * Sets the challenge string, which the signature covers (beyond pyOpenSSL; {@code openssl spkac -challenge}).
     *
     * @throws IllegalArgumentException for {@code null} or non-ASCII text (an IA5String holds ASCII only)
     */
    public void setChallenge(String text) {
        if (text == null || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException("challenge must be ASCII text");
        }
        challenge = text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Signs the key and challenge with {@code pkey} and the named digest ({@code "sha256"}; Ed25519/Ed448 ignore
     * it).
     *
     * @throws IllegalArgumentException for a {@code null}, empty ("Key is uninitialized") or public-only ("Key only
     *     has public part") key, or an unknown digest ("No such digest method")
     * @throws CryptoException when no public key is set
     */
    public void sign(PKey pkey, String digest) {
        Signing.sign(pkey, digest, (newAlgorithm, signer) -> {
            byte[] signed = signedPart();
            signature = Der.bitString(signer.apply(signed));
            algorithm = newAlgorithm;
        });
    }

    /**
     * Checks the signature with {@code pkey}'s public half.
     *
     * @return {@code true} when it verifies
     * @throws IllegalArgumentException for {@code null}
     * @throws CryptoException when it does not verify, or the SPKAC is unsigned
     */
    public boolean verify(PKey pkey) {
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey instance, not null");
        }
        byte[] value = signature == null ? null : Arrays.copyOfRange(signature,
                new DerReader(signature).next().contentStart() + 1, signature.length);
        Signing.verify(pkey.toJavaPublicKey(), algorithm, signedPart(), value);
        return true;
    }

    /**
     * The DER SPKAC as one line of base64 (OpenSSL's {@code NETSCAPE_SPKI_b64_encode}; pyOpenSSL returned bytes).
     *
     * @throws CryptoException when it was never signed or has no key
     */
    public String b64Encode() {
        if (signature == null || algorithm == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        return Base64.getEncoder().encodeToString(SignedEnvelope.wrap(signedPart(), algorithm, signature));
    }

    private byte[] signedPart() {
        if (publicKey == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        return Der.tlv(Der.SEQUENCE, publicKey, Der.tlv(Der.IA5_STRING, challenge));
    }

    /** The key type and challenge. */
    @Override
    public String toString() {
        return "<NetscapeSPKI challenge=" + getChallenge() + (signature == null ? " unsigned>" : ">");
    }
}
