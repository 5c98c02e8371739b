package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.testdata.Fixtures;

/**
 * {@link PKCS12} and {@link Crypto#loadPkcs12}: pyOpenSSL 24.0's TestPKCS12 with the same expectations, every
 * PKCS#12 fixture (made by openssl, keytool, pk12util and pyOpenSSL) against what pyOpenSSL 23 read from it, and
 * the bounds on hostile files.
 */
class PKCS12Test {
    private static final byte[] PASSWORD = "p12-password".getBytes(StandardCharsets.US_ASCII);
    /** Few iterations, so that tests stay fast; the iteration count changes nothing else. */
    private static final PKCS12Profile FAST = PKCS12Profile.MODERN.withIterations(3, 3);

    // ---- pyOpenSSL's TestPKCS12 ----

    @Test
    void emptyConstruction() {
        PKCS12 p12 = new PKCS12();
        assertNull(p12.getCertificate());
        assertNull(p12.getPrivateKey());
        assertNull(p12.getCaCertificates());
        assertNull(p12.getFriendlyName());
    }

    @Test
    void typeErrors() {
        PKCS12 p12 = new PKCS12();
        assertEquals("cert must be an X509 instance",
                assertThrows(IllegalArgumentException.class, () -> p12.setCertificate(null)).getMessage());
        assertEquals("pkey must be a PKey instance",
                assertThrows(IllegalArgumentException.class, () -> p12.setPrivateKey(null)).getMessage());
        List<X509> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("iterable must only contain X509 instances",
                assertThrows(IllegalArgumentException.class, () -> p12.setCaCertificates(withNull)).getMessage());
    }

    @Test
    void keyOnly() {
        PKCS12 p12 = new PKCS12();
        p12.setPrivateKey(ContainerFixtures.leafKey());
        byte[] dumped = p12.export(PASSWORD, 2, 3);
        PKCS12 loaded = Crypto.loadPkcs12(dumped, PASSWORD);
        assertNull(loaded.getCertificate());
        assertNull(loaded.getCaCertificates());
        assertNull(loaded.getFriendlyName());
        assertSamePublicKey(ContainerFixtures.leafKey(), loaded.getPrivateKey());
    }

    @Test
    void certOnlyComesBackAsCaCertificate() {
        PKCS12 p12 = new PKCS12();
        p12.setCertificate(ContainerFixtures.root());
        PKCS12 loaded = Crypto.loadPkcs12(p12.export(PASSWORD, 2, 3), PASSWORD);
        assertNull(loaded.getPrivateKey());
        assertNull(loaded.getCertificate());
        assertEquals(1, loaded.getCaCertificates().size());
        assertArrayEquals(Fixtures.bytes("x509/chain/root.der"),
                Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, loaded.getCaCertificates().get(0)));
    }

    @Test
    void settersReplaceAndGettersReturnTheSameObjects() {
        PKCS12 p12 = new PKCS12();
        X509 leaf = ContainerFixtures.leaf();
        PKey key = ContainerFixtures.leafKey();
        X509 root = ContainerFixtures.root();
        X509 intermediate = ContainerFixtures.intermediate();
        p12.setCertificate(root);
        p12.setCertificate(leaf);
        p12.setPrivateKey(key);
        p12.setCaCertificates(List.of(root));
        p12.setCaCertificates(List.of(intermediate, root));
        assertSame(leaf, p12.getCertificate());
        assertSame(key, p12.getPrivateKey());
        assertSame(intermediate, p12.getCaCertificates().get(0));
        assertSame(root, p12.getCaCertificates().get(1));
        p12.setCaCertificates(null);
        assertNull(p12.getCaCertificates());
    }

    @Test
    void zeroLengthCaListIsKeptAndExportable() {
        PKCS12 p12 = keyAndLeaf();
        p12.setCaCertificates(List.of());
        assertEquals(List.of(), p12.getCaCertificates());
        PKCS12 loaded = Crypto.loadPkcs12(p12.export(PASSWORD, 2, 3), PASSWORD);
        assertNull(loaded.getCaCertificates());
        assertNotNull(loaded.getCertificate());
    }

    @Test
    void friendlyNameRoundTrips() {
        for (byte[] name : new byte[][] {"Serverlicious".getBytes(StandardCharsets.US_ASCII), null,
                "###".getBytes(StandardCharsets.US_ASCII), "Schlüssel ключ 鍵 🔑".getBytes(StandardCharsets.UTF_8)}) {
            PKCS12 p12 = keyAndLeaf();
            p12.setFriendlyName(name);
            assertArrayEquals(name, p12.getFriendlyName());
            PKCS12 loaded = Crypto.loadPkcs12(p12.export(PASSWORD, 2, 3), PASSWORD);
            assertArrayEquals(name, loaded.getFriendlyName());
        }
    }

    @Test
    void everyEmptyPassphraseCombinationWorks() {
        for (byte[] dumpWith : new byte[][] {null, new byte[0]}) {
            for (int maciter : new int[] {1, 0, 3}) {
                byte[] dumped = keyAndLeaf().export(dumpWith, 2, maciter);
                for (byte[] loadWith : new byte[][] {null, new byte[0]}) {
                    assertNotNull(Crypto.loadPkcs12(dumped, loadWith).getCertificate());
                }
                assertNotNull(Crypto.loadPkcs12(dumped).getPrivateKey());
                assertNotNull(Crypto.loadPkcs12(dumped, new char[0]).getPrivateKey());
            }
        }
    }

    @Test
    void exportWithoutArgumentsAndLoadWithoutPassphrase() {
        PKCS12 loaded = Crypto.loadPkcs12(keyAndLeaf().export());
        assertNotNull(loaded.getCertificate());
    }

    @Test
    void wrongPasswordIsMacVerifyFailure() {
        byte[] dumped = keyAndLeaf().export(PASSWORD, 2, 3);
        CryptoException e = assertThrows(CryptoException.class,
                () -> Crypto.loadPkcs12(dumped, "nope".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(new CryptoException.Entry("PKCS12 routines", "", "mac verify failure")), e.errors());
        assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(dumped));
    }

    @Test
    void exportWithoutMacLoadsWithoutPassphraseOnly() {
        byte[] dumped = keyAndLeaf().export(null, 2, -1);
        Pfx pfx = Pfx.getInstance(dumped);
        assertNull(pfx.getMacData());
        assertNotNull(Crypto.loadPkcs12(dumped).getPrivateKey());
        byte[] withPassword = keyAndLeaf().export(PASSWORD, 2, -1);
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(withPassword, PASSWORD));
        assertEquals(List.of(new CryptoException.Entry("PKCS12 routines", "", "mac absent"),
                new CryptoException.Entry("PKCS12 routines", "", "mac verify failure")), e.errors());
    }

    @Test
    void keyCertMismatch() {
        PKCS12 p12 = new PKCS12();
        p12.setCertificate(ContainerFixtures.leaf());
        p12.setPrivateKey(ContainerFixtures.rootKey());
        CryptoException e = assertThrows(CryptoException.class, () -> p12.export(PASSWORD));
        assertEquals(List.of(new CryptoException.Entry("x509 certificate routines", "", "key values mismatch")),
                e.errors());
    }

    @Test
    void emptyHolderCannotBeExported() {
        CryptoException e = assertThrows(CryptoException.class, () -> new PKCS12().export(PASSWORD));
        assertEquals(List.of(new CryptoException.Entry("PKCS12 routines", "", "invalid null argument")),
                e.errors());
    }

    @Test
    void garbageIsAnAsn1Error() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> Crypto.loadPkcs12("fruit loops".getBytes(StandardCharsets.US_ASCII)));
        // pyOpenSSL 23 printed [('asn1 encoding routines', '', 'not enough data')]
        assertEquals(new CryptoException.Entry("asn1 encoding routines", "", "not enough data"), e.errors().get(0));
        // pyOpenSSL 23 printed Error([]) for an empty buffer
        assertEquals(List.of(), assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(new byte[0])).errors());
    }

    /** pyOpenSSL's export uses 3DES for key and certificates and OpenSSL 3.0's HMAC-SHA256 MAC, as it printed. */
    @Test
    void pyOpenSslExportSettings() {
        Pfx pfx = Pfx.getInstance(keyAndLeaf().export(PASSWORD, 0, 0));
        assertEquals("2.16.840.1.101.3.4.2.1", pfx.getMacData().getMac().getAlgorithmId().getAlgorithm().getId());
        assertEquals(BigInteger.valueOf(2048), pfx.getMacData().getIterationCount());
        assertEquals(List.of("1.2.840.113549.1.12.1.3", "1.2.840.113549.1.12.1.3"), schemes(pfx));
        Pfx one = Pfx.getInstance(keyAndLeaf().export(PASSWORD, -5, -2));
        assertEquals(BigInteger.ONE, one.getMacData().getIterationCount());
    }

    // ---- named profiles ----

    @Test
    void profilesUseTheirSchemes() {
        assertEquals(List.of("1.2.840.113549.1.5.13", "1.2.840.113549.1.5.13"),
                schemes(Pfx.getInstance(keyAndLeaf().export(PASSWORD, FAST))));
        PKCS12Profile legacy = PKCS12Profile.LEGACY.withIterations(3, 3);
        Pfx pfx = Pfx.getInstance(keyAndLeaf().export(PASSWORD, legacy));
        assertEquals(List.of("1.2.840.113549.1.12.1.6", "1.2.840.113549.1.12.1.3"), schemes(pfx));
        assertEquals("1.3.14.3.2.26", pfx.getMacData().getMac().getAlgorithmId().getAlgorithm().getId());
        assertEquals(List.of("1.2.840.113549.1.12.1.3", "1.2.840.113549.1.12.1.3"),
                schemes(Pfx.getInstance(keyAndLeaf().export(PASSWORD, PKCS12Profile.LEGACY_3DES.withIterations(3, 3)))));
    }

    @Test
    void everyProfileRoundTripsWithChainAndName() {
        for (PKCS12Profile profile : List.of(FAST, PKCS12Profile.LEGACY.withIterations(3, 3),
                PKCS12Profile.LEGACY_3DES.withIterations(3, 3), FAST.withCertEncryption(PKCS12Profile.Encryption.NONE)
                        .withKeyEncryption(PKCS12Profile.Encryption.NONE),
                FAST.withMac(PKCS12Profile.Mac.SHA512), FAST.withCertEncryption(PKCS12Profile.Encryption.AES_128_CBC)
                        .withKeyEncryption(PKCS12Profile.Encryption.PBE_SHA1_RC2_128))) {
            PKCS12 p12 = keyAndLeaf();
            p12.setCaCertificates(List.of(ContainerFixtures.intermediate(), ContainerFixtures.root()));
            p12.setFriendlyName("server".getBytes(StandardCharsets.US_ASCII));
            PKCS12 loaded = Crypto.loadPkcs12(p12.export("pässword".toCharArray(), profile), "pässword".toCharArray());
            assertArrayEquals(Fixtures.bytes("x509/chain/leaf.der"),
                    Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, loaded.getCertificate()), profile.toString());
            assertEquals(2, loaded.getCaCertificates().size());
            assertArrayEquals("server".getBytes(StandardCharsets.US_ASCII), loaded.getFriendlyName());
            assertSamePublicKey(ContainerFixtures.leafKey(), loaded.getPrivateKey());
        }
    }

    @Test
    void profileRejectsSillyIterationCounts() {
        assertThrows(IllegalArgumentException.class, () -> PKCS12Profile.MODERN.withIterations(0, 1));
        assertThrows(IllegalArgumentException.class, () -> PKCS12Profile.MODERN.withIterations(1, 10_000_001));
        assertThrows(IllegalArgumentException.class, () -> keyAndLeaf().export(PASSWORD, (PKCS12Profile) null));
    }

    // ---- several keys and certificates (files built with Bouncy Castle's PKCS#12 builder) ----

    /** A second certificate for the leaf's key, self-signed with it by Bouncy Castle. */
    private static X509 secondCertificateForLeafKey() throws Exception {
        java.security.PrivateKey key = ContainerFixtures.leafKey().toJavaPrivateKey();
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=renewed leaf");
        java.util.Date now = new java.util.Date();
        byte[] der = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, BigInteger.valueOf(77), now,
                new java.util.Date(now.getTime() + 86_400_000L), name, ContainerFixtures.leafKey().toJavaPublicKey())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(key))
                .getEncoded();
        return Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der);
    }

    private static org.bouncycastle.pkcs.PKCS12SafeBag certBag(X509 cert, byte[] localKeyId, String name)
            throws Exception {
        org.bouncycastle.pkcs.PKCS12SafeBagBuilder builder = new org.bouncycastle.pkcs.PKCS12SafeBagBuilder(
                new org.bouncycastle.cert.X509CertificateHolder(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert)));
        if (localKeyId != null) {
            builder.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                    new org.bouncycastle.asn1.DEROctetString(localKeyId));
        }
        builder.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                new org.bouncycastle.asn1.DERBMPString(name));
        return builder.build();
    }

    private static org.bouncycastle.pkcs.PKCS12SafeBag keyBag(PKey key, byte[] localKeyId) {
        org.bouncycastle.pkcs.PKCS12SafeBagBuilder builder = new org.bouncycastle.pkcs.PKCS12SafeBagBuilder(
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.toJavaPrivateKey().getEncoded()));
        builder.addBagAttribute(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.pkcs_9_at_localKeyId,
                new org.bouncycastle.asn1.DEROctetString(localKeyId));
        return builder.build();
    }

    private static byte[] unprotectedFile(org.bouncycastle.pkcs.PKCS12SafeBag... bags) throws Exception {
        org.bouncycastle.pkcs.PKCS12PfxPduBuilder builder = new org.bouncycastle.pkcs.PKCS12PfxPduBuilder();
        for (org.bouncycastle.pkcs.PKCS12SafeBag bag : bags) {
            builder.addData(bag);
        }
        return builder.build(new org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder(), "pw".toCharArray())
                .getEncoded();
    }

    /** Two certificates hold the key; the one whose local key id matches the key's is the certificate. */
    @Test
    void localKeyIdPicksTheCertificateAmongThoseHoldingTheKey() throws Exception {
        byte[] id = {1, 2, 3, 4};
        byte[] file = unprotectedFile(certBag(ContainerFixtures.leaf(), new byte[] {9}, "old"),
                certBag(secondCertificateForLeafKey(), id, "renewed"), keyBag(ContainerFixtures.leafKey(), id),
                certBag(ContainerFixtures.root(), null, "root"));
        PKCS12 p12 = Crypto.loadPkcs12(file, "pw".toCharArray());
        assertEquals(BigInteger.valueOf(77), p12.getCertificate().getSerialNumber());
        assertArrayEquals("renewed".getBytes(StandardCharsets.UTF_8), p12.getFriendlyName());
        assertEquals(2, p12.getCaCertificates().size());
    }

    /** Several keys: the first is taken (later ones are not even decrypted), its certificate found by public key. */
    @Test
    void firstKeyWinsAndItsCertificateIsFoundByPublicKey() throws Exception {
        byte[] file = unprotectedFile(certBag(ContainerFixtures.root(), null, "root"),
                keyBag(ContainerFixtures.leafKey(), new byte[] {1}), keyBag(ContainerFixtures.rootKey(), new byte[] {2}),
                certBag(ContainerFixtures.leaf(), null, "leaf"));
        PKCS12 p12 = Crypto.loadPkcs12(file, "pw".toCharArray());
        assertSamePublicKey(ContainerFixtures.leafKey(), p12.getPrivateKey());
        assertArrayEquals("leaf".getBytes(StandardCharsets.UTF_8), p12.getFriendlyName());
        assertEquals(List.of(ContainerFixtures.root().getSerialNumber()),
                p12.getCaCertificates().stream().map(X509::getSerialNumber).toList());
    }

    // ---- the JDK's KeyStore as an independent reader and writer ----

    @Test
    void jdkKeyStoreReadsEveryProfile() throws Exception {
        for (PKCS12Profile profile : List.of(FAST, PKCS12Profile.LEGACY.withIterations(5, 5),
                PKCS12Profile.LEGACY_3DES.withIterations(5, 5), PKCS12Profile.PYOPENSSL)) {
            PKCS12 p12 = keyAndLeaf();
            p12.setCaCertificates(List.of(ContainerFixtures.intermediate(), ContainerFixtures.root()));
            p12.setFriendlyName("server entry".getBytes(StandardCharsets.UTF_8));
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(p12.export("secret".toCharArray(), profile)),
                    "secret".toCharArray());
            assertTrue(store.isKeyEntry("server entry"), profile.toString());
            java.security.Key key = store.getKey("server entry", "secret".toCharArray());
            assertArrayEquals(ContainerFixtures.leafKey().toJavaPrivateKey().getEncoded(), key.getEncoded());
            java.security.cert.Certificate[] chain = store.getCertificateChain("server entry");
            assertEquals(3, chain.length, profile.toString());
            assertArrayEquals(Fixtures.bytes("x509/chain/leaf.der"), chain[0].getEncoded());
            assertArrayEquals(Fixtures.bytes("x509/chain/root.der"), chain[2].getEncoded());
        }
    }

    /** A truststore of CA certificates: empty to Java without the trust mark, trusted entries with it. */
    @Test
    void javaTrustMakesCaCertificatesTrustedEntries() throws Exception {
        PKCS12 p12 = new PKCS12();
        p12.setCaCertificates(List.of(ContainerFixtures.intermediate(), ContainerFixtures.root()));
        for (boolean trust : new boolean[] {false, true}) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(new java.io.ByteArrayInputStream(p12.export("pw".toCharArray(), FAST.withJavaTrust(trust))),
                    "pw".toCharArray());
            List<String> aliases = java.util.Collections.list(store.aliases());
            assertEquals(trust ? 2 : 0, aliases.size(), aliases.toString());
            for (String alias : aliases) {
                assertTrue(store.isCertificateEntry(alias));
            }
        }
        PKCS12 withKey = keyAndLeaf();
        withKey.setCaCertificates(List.of(ContainerFixtures.root()));
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(new java.io.ByteArrayInputStream(withKey.export("pw".toCharArray(), FAST.withJavaTrust(true))),
                "pw".toCharArray());
        assertEquals(2, java.util.Collections.list(store.aliases()).size());
        PKCS12 back = Crypto.loadPkcs12(withKey.export("pw".toCharArray(), FAST.withJavaTrust(true)),
                "pw".toCharArray());
        assertNotNull(back.getCertificate());
        assertEquals(1, back.getCaCertificates().size());
    }

    @Test
    void jdkKeyStoreOutputLoads() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("jdk entry", ContainerFixtures.leafKey().toJavaPrivateKey(), "pw".toCharArray(),
                new java.security.cert.Certificate[] {ContainerFixtures.leaf().toJavaCertificate(),
                    ContainerFixtures.intermediate().toJavaCertificate()});
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        store.store(out, "pw".toCharArray());
        PKCS12 loaded = Crypto.loadPkcs12(out.toByteArray(), "pw".toCharArray());
        assertArrayEquals("jdk entry".getBytes(StandardCharsets.UTF_8), loaded.getFriendlyName());
        assertArrayEquals(Fixtures.bytes("x509/chain/leaf.der"),
                Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, loaded.getCertificate()));
        assertEquals(1, loaded.getCaCertificates().size());
        assertSamePublicKey(ContainerFixtures.leafKey(), loaded.getPrivateKey());
    }

    // ---- fixtures: what pyOpenSSL 23 read from files made by openssl, keytool, pk12util and pyOpenSSL ----

    static List<String> p12Fixtures() {
        return ContainerFixtures.names("pkcs12");
    }

    @ParameterizedTest
    @MethodSource("p12Fixtures")
    @SuppressWarnings("unchecked")
    void fixtureLoadsAsPyOpenSslLoadedIt(String name) {
        Map<String, Object> expected = ContainerFixtures.expected("pkcs12", name);
        byte[] password = ((String) expected.get("password")).getBytes(StandardCharsets.UTF_8);
        Map<String, Object> py = (Map<String, Object>) expected.get("pyopenssl");
        if (!Boolean.TRUE.equals(py.get("ok"))) {
            CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(Fixtures.bytes(name),
                    password));
            assertEquals(py.get("error"), "Error: " + e.errors());
            return;
        }
        PKCS12 p12 = Crypto.loadPkcs12(Fixtures.bytes(name), password);
        String nameHex = (String) py.get("friendlyname_hex");
        assertEquals(nameHex, p12.getFriendlyName() == null ? null : ContainerFixtures.hex(p12.getFriendlyName()));
        assertCertificate((Map<String, Object>) py.get("certificate"), p12.getCertificate());
        Map<String, Object> key = (Map<String, Object>) py.get("privatekey");
        if (key == null) {
            assertNull(p12.getPrivateKey());
        } else {
            assertEquals(ContainerFixtures.number(key.get("type")).intValue(), p12.getPrivateKey().type());
            assertEquals(ContainerFixtures.number(key.get("bits")).intValue(), p12.getPrivateKey().bits());
            assertEquals(key.get("public_asn1_hex"), ContainerFixtures.hex(
                    Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, p12.getPrivateKey())));
        }
        List<Object> cas = (List<Object>) py.get("ca_certificates");
        if (cas == null) {
            assertNull(p12.getCaCertificates());
        } else {
            assertEquals(cas.size(), p12.getCaCertificates().size());
            for (int i = 0; i < cas.size(); i++) {
                assertCertificate((Map<String, Object>) cas.get(i), p12.getCaCertificates().get(i));
            }
        }
    }

    @Test
    void fixturesWithWrongPasswordFailTheMac() {
        for (String name : p12Fixtures()) {
            if (name.contains("nomac")) {
                continue;
            }
            CryptoException e = assertThrows(CryptoException.class,
                    () -> Crypto.loadPkcs12(Fixtures.bytes(name), "wrong".getBytes(StandardCharsets.US_ASCII)), name);
            assertEquals("mac verify failure", e.errors().get(e.errors().size() - 1).reason(), name);
        }
    }

    /** Windows writes BER: indefinite lengths and a chunked authenticated safe; the MAC covers the content only. */
    @Test
    void berEncodingWithIndefiniteLengthsIsRead() throws Exception {
        Pfx der = Pfx.getInstance(Fixtures.bytes("containers/p12/modern-chain-named.p12"));
        byte[] authSafe = org.bouncycastle.asn1.ASN1OctetString.getInstance(der.getAuthSafe().getContent()).getOctets();
        ContentInfo chunked = new ContentInfo(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.data,
                new org.bouncycastle.asn1.BEROctetString(authSafe, 100));
        byte[] ber = new Pfx(chunked, der.getMacData()).getEncoded(org.bouncycastle.asn1.ASN1Encoding.BER);
        assertEquals(0x80, ber[1] & 0xff, "outer SEQUENCE has an indefinite length");
        PKCS12 p12 = Crypto.loadPkcs12(ber, PASSWORD);
        assertArrayEquals("leaf friendly name".getBytes(StandardCharsets.US_ASCII), p12.getFriendlyName());
        assertEquals(2, p12.getCaCertificates().size());
    }

    // ---- hostile input ----

    @Test
    void hugeMacIterationCountIsRefusedBeforeAnyWork() {
        byte[] authSafe = Der.tlv(Der.SEQUENCE);
        byte[] mac = Der.tlv(Der.SEQUENCE, Der.tlv(Der.SEQUENCE, Der.tlv(Der.SEQUENCE,
                Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.14.3.2.26")), Der.tlv(Der.NULL)),
                Der.tlv(Der.OCTET_STRING, new byte[20])), Der.tlv(Der.OCTET_STRING, new byte[8]),
                Der.integer(BigInteger.valueOf(Integer.MAX_VALUE)));
        byte[] file = pfx(authSafe, mac);
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(file, PASSWORD));
        assertEquals(new CryptoException.Entry("PKCS12 routines", "", "iteration count too large"), e.errors().get(0));
    }

    @Test
    void tooManyBagsAreRefused() {
        byte[] bag = Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                "1.2.840.113549.1.12.10.1.5")), Der.tlv(Der.explicit(0), Der.tlv(Der.SEQUENCE)));
        List<byte[]> bags = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            bags.add(bag);
        }
        byte[] safe = Der.sequence(bags);
        byte[] authSafe = Der.tlv(Der.SEQUENCE, dataContentInfo(safe));
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(pfx(authSafe, new byte[0])));
        assertEquals(new CryptoException.Entry("PKCS12 routines", "", "too many bags"), e.errors().get(0));
    }

    @Test
    void deepNestingIsRefused() {
        byte[] nested = Der.tlv(Der.SEQUENCE);
        for (int i = 0; i < 200; i++) {
            nested = Der.tlv(Der.SEQUENCE, nested);
        }
        byte[] deep = nested;
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(deep));
        assertEquals(new CryptoException.Entry("asn1 encoding routines", "", "nested too deep"), e.errors().get(0));
    }

    @Test
    void publicKeyEncryptedContentIsNamedAsUnsupported() {
        byte[] enveloped = Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                "1.2.840.113549.1.7.3")), Der.tlv(Der.explicit(0), Der.tlv(Der.SEQUENCE)));
        byte[] authSafe = Der.tlv(Der.SEQUENCE, enveloped);
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(pfx(authSafe, new byte[0])));
        assertTrue(e.errors().get(0).reason().contains("pkcs7-envelopedData"), e.toString());
    }

    @Test
    void unknownEncryptionSchemeIsNamed() {
        byte[] algorithm = Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                "1.2.840.113549.1.5.99")), Der.tlv(Der.NULL));
        byte[] encryptedContentInfo = Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                "1.2.840.113549.1.7.1")), algorithm, Der.tlv(0x80, new byte[16]));
        byte[] encrypted = Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                "1.2.840.113549.1.7.6")), Der.tlv(Der.explicit(0), Der.tlv(Der.SEQUENCE,
                Der.integer(BigInteger.ZERO), encryptedContentInfo)));
        byte[] file = pfx(Der.tlv(Der.SEQUENCE, encrypted), new byte[0]);
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPkcs12(file));
        assertEquals(new CryptoException.Entry("evp routines", "", "unsupported algorithm 1.2.840.113549.1.5.99"),
                e.errors().get(0));
    }

    // ---- helpers ----

    private static byte[] pfx(byte[] authSafe, byte[] mac) {
        return Der.tlv(Der.SEQUENCE, Der.integer(BigInteger.valueOf(3)), dataContentInfo(authSafe), mac);
    }

    private static byte[] dataContentInfo(byte[] content) {
        return Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.840.113549.1.7.1")),
                Der.tlv(Der.explicit(0), Der.tlv(Der.OCTET_STRING, content)));
    }

    static PKCS12 keyAndLeaf() {
        PKCS12 p12 = new PKCS12();
        p12.setCertificate(ContainerFixtures.leaf());
        p12.setPrivateKey(ContainerFixtures.leafKey());
        return p12;
    }

    /** The encryption scheme OIDs of the certificate safe and the key bag, parsed by Bouncy Castle. */
    private static List<String> schemes(Pfx pfx) {
        ContentInfo[] infos = AuthenticatedSafe.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(pfx.getAuthSafe().getContent()).getOctets())
                .getContentInfo();
        String certs = EncryptedData.getInstance(infos[0].getContent()).getEncryptionAlgorithm().getAlgorithm().getId();
        ASN1Sequence keySafe = ASN1Sequence.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(infos[1].getContent()).getOctets());
        SafeBag keyBag = SafeBag.getInstance(keySafe.getObjectAt(0));
        String key = org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo.getInstance(keyBag.getBagValue())
                .getEncryptionAlgorithm().getAlgorithm().getId();
        return List.of(certs, key);
    }

    private static void assertSamePublicKey(PKey expected, PKey actual) {
        assertNotNull(actual);
        assertArrayEquals(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, expected),
                Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, actual));
        assertTrue(actual.hasPrivateKey());
    }

    @SuppressWarnings("unchecked")
    private static void assertCertificate(Map<String, Object> expected, X509 actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertNotNull(actual);
        assertEquals(expected.get("subject"), actual.getSubject().toString());
        assertEquals(ContainerFixtures.number(expected.get("serial")), actual.getSerialNumber());
    }
}
