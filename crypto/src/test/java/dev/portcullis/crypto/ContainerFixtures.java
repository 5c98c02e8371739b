package dev.portcullis.crypto;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.portcullis.testdata.Fixtures;

/** Certificates and keys from the testdata areas (made by openssl) and the containers area's expected values. */
final class ContainerFixtures {
    private ContainerFixtures() {
    }

    /** {@code x509/chain/root.pem}: "Portcullis Test Root CA", signed with {@link #rootKey()}. */
    static X509 root() {
        return cert("x509/chain/root.pem");
    }

    /** The root's key, {@code keys/rsa2048.pkcs8.pem}. */
    static PKey rootKey() {
        return key("keys/rsa2048.pkcs8.pem");
    }

    /** {@code x509/chain/intermediate.pem}. */
    static X509 intermediate() {
        return cert("x509/chain/intermediate.pem");
    }

    /** {@code x509/chain/leaf.pem}: "leaf.example.com", key {@link #leafKey()}. */
    static X509 leaf() {
        return cert("x509/chain/leaf.pem");
    }

    /** The leaf's key, {@code keys/ec-p256.pkcs8.pem}. */
    static PKey leafKey() {
        return key("keys/ec-p256.pkcs8.pem");
    }

    static X509 cert(String name) {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes(name));
    }

    static PKey key(String name) {
        return Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes(name));
    }

    /** {@code containers/expected.json}, section {@code section}, entry {@code name}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(String section, String name) {
        Map<String, Object> all = (Map<String, Object>) Fixtures.expected("containers").get(section);
        Map<String, Object> entry = (Map<String, Object>) all.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no expected value for " + section + "/" + name);
        }
        return entry;
    }

    /** Every fixture name of one section. */
    @SuppressWarnings("unchecked")
    static List<String> names(String section) {
        return List.copyOf(((Map<String, Object>) Fixtures.expected("containers").get(section)).keySet());
    }

    static BigInteger number(Object value) {
        return value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
