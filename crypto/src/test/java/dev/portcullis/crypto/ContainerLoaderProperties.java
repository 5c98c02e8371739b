package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import dev.portcullis.testdata.Fixtures;

/**
 * The container loaders ({@link Crypto#loadPkcs12}, {@link Crypto#loadCrl}, {@link Crypto#loadPkcs7Data},
 * {@link NetscapeSPKI#fromBase64}) given fixtures truncated, with bytes flipped, inserted, deleted or overwritten:
 * the outcome is a complete object whose every getter works, or a {@link CryptoException} (or
 * {@link IllegalArgumentException}); never another exception, a hang or a partial object. And CRLs built from
 * random entries read back in the JDK with the same serials and reasons.
 */
class ContainerLoaderProperties {
    private static final byte[] PASSWORD = "p12-password".getBytes(StandardCharsets.US_ASCII);
    /** Files with at most 2,048 iterations (so each try is quick), plus unencrypted MAC-less ones we wrote. */
    private static final List<String> P12 = List.of("containers/p12/modern-rsa.p12",
            "containers/p12/legacy-rc2-3des.p12", "containers/p12/noenc.p12", "containers/p12/nomac.p12",
            "containers/p12/certs-only.p12", "containers/p12/legacy-3des-sha1.p12");
    private static final byte[] PLAIN_P12 = plainP12();

    private static byte[] plainP12() {
        PKCS12 p12 = PKCS12Test.keyAndLeaf();
        p12.setCaCertificates(List.of(ContainerFixtures.intermediate()));
        p12.setFriendlyName("plain".getBytes(StandardCharsets.US_ASCII));
        return p12.export((byte[]) null, PKCS12Profile.MODERN.withKeyEncryption(PKCS12Profile.Encryption.NONE)
                .withCertEncryption(PKCS12Profile.Encryption.NONE).withMac(PKCS12Profile.Mac.NONE));
    }

    private static Arbitrary<X509LoaderProperties.Mutation> mutations(List<String> names) {
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(1, 8))
                .as(X509LoaderProperties.Mutation::new);
    }

    @Provide
    Arbitrary<X509LoaderProperties.Mutation> p12Mutations() {
        return mutations(java.util.stream.Stream.concat(P12.stream(), java.util.stream.Stream.of("plain")).toList());
    }

    @Provide
    Arbitrary<X509LoaderProperties.Mutation> crlMutations() {
        return mutations(List.of("containers/crl/v2-reasons.der", "containers/crl/v1.der",
                "containers/crl/pyopenssl.der", "containers/crl/v2-empty.der"));
    }

    @Provide
    Arbitrary<X509LoaderProperties.Mutation> p7Mutations() {
        return mutations(List.of("containers/p7/certs.p7b.der", "containers/p7/signed-detached.p7.der",
                "containers/p7/data.p7.der"));
    }

    @Provide
    Arbitrary<X509LoaderProperties.Mutation> spkacMutations() {
        return mutations(List.of("containers/spkac/rsa2048-sha256.spkac", "containers/spkac/ec-p256-sha256.spkac"));
    }

    private static void onlyDocumentedExceptions(Runnable action) {
        try {
            action.run();
        } catch (CryptoException | IllegalArgumentException expected) {
            // the documented outcomes for bad input
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("undocumented exception " + e, e);
        }
    }

    @Property(tries = 300)
    void pkcs12LoaderThrowsOnlyCryptoException(@ForAll("p12Mutations") X509LoaderProperties.Mutation mutation) {
        byte[] input = mutation.apply("plain".equals(mutation.fixture()) ? PLAIN_P12 : Fixtures.bytes(mutation.fixture()));
        byte[] password = mutation.pem() ? PASSWORD : null;
        PKCS12[] loaded = new PKCS12[1];
        onlyDocumentedExceptions(() -> loaded[0] = Crypto.loadPkcs12(input, password));
        PKCS12 p12 = loaded[0];
        if (p12 != null) {
            onlyDocumentedExceptions(() -> {
                if (p12.getCertificate() != null) {
                    p12.getCertificate().getSubject().toString();
                    p12.getCertificate().getPubkey();
                }
                if (p12.getPrivateKey() != null) {
                    Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, p12.getPrivateKey());
                }
                if (p12.getCaCertificates() != null) {
                    p12.getCaCertificates().forEach(c -> c.getSerialNumber());
                }
                p12.export(PASSWORD, PKCS12Profile.MODERN.withIterations(1, 1));
            });
        }
    }

    @Property(tries = 300)
    void crlLoaderThrowsOnlyCryptoException(@ForAll("crlMutations") X509LoaderProperties.Mutation mutation) {
        byte[] der = Fixtures.bytes(mutation.fixture());
        byte[] input = mutation.apply(mutation.pem() ? Crypto.dumpCrl(Crypto.FILETYPE_PEM,
                Crypto.loadCrl(Crypto.FILETYPE_ASN1, der)) : der);
        int type = mutation.pem() ? Crypto.FILETYPE_PEM : Crypto.FILETYPE_ASN1;
        CRL[] loaded = new CRL[1];
        onlyDocumentedExceptions(() -> loaded[0] = Crypto.loadCrl(type, input));
        CRL crl = loaded[0];
        if (crl != null) {
            onlyDocumentedExceptions(() -> crl.getIssuer().toString());
            onlyDocumentedExceptions(() -> {
                List<Revoked> revoked = crl.getRevoked();
                if (revoked != null) {
                    revoked.forEach(r -> r.getReason());
                }
            });
            onlyDocumentedExceptions(() -> crl.findRevoked(BigInteger.valueOf(0x1001)));
            onlyDocumentedExceptions(crl::toText);
            onlyDocumentedExceptions(() -> Crypto.dumpCrl(Crypto.FILETYPE_TEXT, crl));
            onlyDocumentedExceptions(crl::toJavaCrl);
            onlyDocumentedExceptions(() -> {
                crl.setVersion(1);
                Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl);
            });
        }
    }

    @Property(tries = 200)
    void pkcs7LoaderThrowsOnlyCryptoException(@ForAll("p7Mutations") X509LoaderProperties.Mutation mutation) {
        byte[] input = mutation.apply(Fixtures.bytes(mutation.fixture()));
        PKCS7[] loaded = new PKCS7[1];
        onlyDocumentedExceptions(() -> loaded[0] = Crypto.loadPkcs7Data(Crypto.FILETYPE_ASN1, input));
        if (loaded[0] != null) {
            onlyDocumentedExceptions(() -> loaded[0].getCertificates().forEach(c -> c.getSubject().toString()));
            onlyDocumentedExceptions(loaded[0]::getTypeName);
        }
    }

    @Property(tries = 200)
    void spkacReaderThrowsOnlyCryptoException(@ForAll("spkacMutations") X509LoaderProperties.Mutation mutation) {
        String text = Fixtures.text(mutation.fixture()).trim().substring("SPKAC=".length());
        byte[] der = java.util.Base64.getDecoder().decode(text);
        String input = java.util.Base64.getEncoder().encodeToString(mutation.apply(der));
        NetscapeSPKI[] loaded = new NetscapeSPKI[1];
        onlyDocumentedExceptions(() -> loaded[0] = NetscapeSPKI.fromBase64(input));
        if (loaded[0] != null) {
            onlyDocumentedExceptions(() -> loaded[0].verify(loaded[0].getPubkey()));
            onlyDocumentedExceptions(loaded[0]::b64Encode);
        }
    }

    @Property(tries = 40)
    void builtCrlsReadBackInTheJdk(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 1_000_000) Integer> serials,
            @ForAll @IntRange(min = -1, max = 6) int reason) throws Exception {
        CRL crl = new CRL();
        for (int serial : serials) {
            Revoked revoked = new Revoked();
            revoked.setSerial(BigInteger.valueOf(serial));
            revoked.setRevDate("20240101000000Z");
            revoked.setReason(reason < 0 ? null : Revoked.allReasons().get(reason));
            crl.addRevoked(revoked);
        }
        crl.setVersion(1);
        byte[] der = crl.export(ContainerFixtures.root(), ContainerFixtures.rootKey(), Crypto.FILETYPE_ASN1, 1, "sha256");
        java.security.cert.X509CRL jdk = (java.security.cert.X509CRL) java.security.cert.CertificateFactory
                .getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(der));
        jdk.verify(ContainerFixtures.root().toJavaCertificate().getPublicKey());
        int expectedCount = (int) serials.stream().distinct().count();
        assertEquals(expectedCount, jdk.getRevokedCertificates() == null ? 0 : jdk.getRevokedCertificates().size());
        for (int serial : serials) {
            java.security.cert.X509CRLEntry entry = jdk.getRevokedCertificate(BigInteger.valueOf(serial));
            assertEquals(reason < 0 ? null : java.security.cert.CRLReason.values()[reason],
                    entry.getRevocationReason());
        }
        assertArrayEquals(der, Crypto.dumpCrl(Crypto.FILETYPE_ASN1, Crypto.loadCrl(Crypto.FILETYPE_ASN1, der)));
    }
}
