package dev.portcullis.crypto.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs end quickly with an OpenSSL-like error: hundreds of intermediates, loops of cross-signed
 * certificates, thousands of trusted certificates with one subject. The timeouts are generous safety nets against
 * hangs, not performance assertions. The interop variants compare the verdicts with {@code openssl verify}.
 */
class HostileInputsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** root ← i1 ← … ← iN ← leaf, the root trusted, every intermediate untrusted. */
    private static final class LongChain {
        final TestPki.Cert root = new TestPki.Cert("CN=Hostile Root", TestPki.ec(0)).ca(null);
        final List<X509CertificateHolder> intermediates = new ArrayList<>();
        final X509CertificateHolder leaf;

        LongChain(int n) {
            root.build();
            TestPki.Cert prev = root;
            for (int i = 0; i < n; i++) {
                TestPki.Cert c = new TestPki.Cert("CN=Hostile " + i, TestPki.ec(1 + i % 4)).issuedBy(prev).ca(null);
                c.build();
                intermediates.add(0, c.built);
                prev = c;
            }
            TestPki.Cert leafCert = new TestPki.Cert("CN=hostile.example.com", TestPki.ec(6)).issuedBy(prev);
            leaf = leafCert.build();
        }

        VerifyOutcome verify() {
            TrustStore ts = new TrustStore();
            ts.addCert(root.info());
            List<CertInfo> chain = new ArrayList<>();
            intermediates.forEach(c -> chain.add(CertInfo.of(c.toASN1Structure())));
            return ChainVerifier.verify(ts, CertInfo.of(leaf.toASN1Structure()), chain, null, null);
        }
    }

    private static LongChain longChain;

    private static synchronized LongChain longChain() {
        if (longChain == null) {
            longChain = new LongChain(300);
        }
        return longChain;
    }

    @Test
    void threeHundredIntermediatesHitTheDepthLimit() {
        VerifyOutcome out = assertTimeoutPreemptively(LIMIT, () -> longChain().verify());
        assertFalse(out.ok());
        assertEquals(VerifyParams.DEFAULT_DEPTH + 2, out.chain().size(), "building stops one past the depth limit");
    }

    /** A and B certify each other; neither is trusted. */
    private static List<X509CertificateHolder> crossLoop() {
        TestPki.Cert a = new TestPki.Cert("CN=Loop A", TestPki.ec(2)).ca(null);
        TestPki.Cert b = new TestPki.Cert("CN=Loop B", TestPki.ec(3)).ca(null);
        a.keyIds = false;
        b.keyIds = false;
        // a certificate needs its issuer built first: a self-signed B, then A by it, then B (same key) by A
        TestPki.Cert bSelf = new TestPki.Cert("CN=Loop B", TestPki.ec(3)).ca(null);
        bSelf.build();
        a.issuer = bSelf;
        a.build();
        b.issuer = a;
        b.build();
        TestPki.Cert leaf = new TestPki.Cert("CN=loop.example.com", TestPki.ec(4)).issuedBy(a);
        leaf.keyIds = false;
        return List.of(leaf.build(), a.built, b.built);
    }

    @Test
    void crossSignedLoopEnds() {
        List<X509CertificateHolder> certs = crossLoop();
        VerifyOutcome out = assertTimeoutPreemptively(LIMIT, () -> {
            TrustStore ts = new TrustStore();
            ts.addCert(new TestPki.Cert("CN=Unrelated Root", TestPki.ec(5)).ca(null).info());
            List<CertInfo> chain = List.of(CertInfo.of(certs.get(1).toASN1Structure()), CertInfo.of(certs.get(2).toASN1Structure()));
            return ChainVerifier.verify(ts, CertInfo.of(certs.get(0).toASN1Structure()), chain, null, null);
        });
        assertFalse(out.ok());
    }

    @Test
    void trustedLoopIsCutByTheDepthLimit() {
        List<X509CertificateHolder> certs = crossLoop();
        VerifyOutcome out = assertTimeoutPreemptively(LIMIT, () -> {
            TrustStore ts = new TrustStore();
            ts.addCert(CertInfo.of(certs.get(1).toASN1Structure()));
            ts.addCert(CertInfo.of(certs.get(2).toASN1Structure()));
            return ChainVerifier.verify(ts, CertInfo.of(certs.get(0).toASN1Structure()), null, null, null);
        });
        assertEquals(VerifyError.CERT_CHAIN_TOO_LONG.code(), out.error(), "store loops stop at the depth limit, as OpenSSL");
    }

    @Test
    void thousandsOfSameSubjectCertificatesInTheStore() {
        TrustStore ts = new TrustStore();
        TestPki.Cert issuer = null;
        for (int i = 0; i < 3000; i++) {
            TestPki.Cert c = new TestPki.Cert("CN=Crowded Root", TestPki.ec(i % 8)).ca(null);
            c.build();
            ts.addCert(c.info());
            issuer = c;
        }
        TestPki.Cert stranger = new TestPki.Cert("CN=Crowded Root", TestPki.ec(11)).ca(null);
        stranger.build();
        TestPki.Cert leaf = new TestPki.Cert("CN=crowd.example.com", TestPki.ec(9)).issuedBy(stranger);
        CertInfo leafInfo = leaf.info();
        VerifyOutcome out = assertTimeoutPreemptively(LIMIT, () -> ChainVerifier.verify(ts, leafInfo, null, null, null));
        assertEquals(VerifyError.UNABLE_TO_GET_ISSUER_CERT_LOCALLY.code(), out.error(), "no stored key matches the AKID");
        TestPki.Cert good = new TestPki.Cert("CN=crowd2.example.com", TestPki.ec(9)).issuedBy(issuer);
        CertInfo goodInfo = good.info();
        assertEquals(0, assertTimeoutPreemptively(LIMIT, () -> ChainVerifier.verify(ts, goodInfo, null, null, null)).error());
    }

    @Test
    @Tag("interop")
    void longChainAgreesWithOpenssl(@TempDir Path dir) throws Exception {
        LongChain lc = longChain();
        OpensslVerify.Result oracle = OpensslVerify.run(dir, TestPki.pem(lc.root.built),
                TestPki.pem(lc.intermediates.toArray()), TestPki.pem(lc.leaf), java.time.Instant.now().getEpochSecond(), List.of());
        VerifyOutcome out = lc.verify();
        OpensslVerify.Finding first = oracle.first();
        assertEquals(first.code() + "@" + first.depth(), out.error() + "@" + out.errorDepth(), oracle.output());
    }

    @Test
    @Tag("interop")
    void crossSignedLoopAgreesWithOpenssl(@TempDir Path dir) throws Exception {
        List<X509CertificateHolder> certs = crossLoop();
        TestPki.Cert unrelated = new TestPki.Cert("CN=Unrelated Root", TestPki.ec(5)).ca(null);
        unrelated.build();
        OpensslVerify.Result oracle = OpensslVerify.run(dir, TestPki.pem(unrelated.built), TestPki.pem(certs.get(1), certs.get(2)),
                TestPki.pem(certs.get(0)), java.time.Instant.now().getEpochSecond(), List.of());
        TrustStore ts = new TrustStore();
        ts.addCert(unrelated.info());
        VerifyOutcome out = ChainVerifier.verify(ts, CertInfo.of(certs.get(0).toASN1Structure()),
                List.of(CertInfo.of(certs.get(1).toASN1Structure()), CertInfo.of(certs.get(2).toASN1Structure())), null, null);
        OpensslVerify.Finding first = oracle.first();
        assertEquals(first.code() + "@" + first.depth(), out.error() + "@" + out.errorDepth(), oracle.output());
    }

    @Test
    @Tag("interop")
    void trustedLoopAgreesWithOpenssl(@TempDir Path dir) throws Exception {
        List<X509CertificateHolder> certs = crossLoop();
        OpensslVerify.Result oracle = OpensslVerify.run(dir, TestPki.pem(certs.get(1), certs.get(2)), "",
                TestPki.pem(certs.get(0)), java.time.Instant.now().getEpochSecond(), List.of());
        TrustStore ts = new TrustStore();
        ts.addCert(CertInfo.of(certs.get(1).toASN1Structure()));
        ts.addCert(CertInfo.of(certs.get(2).toASN1Structure()));
        VerifyOutcome out = ChainVerifier.verify(ts, CertInfo.of(certs.get(0).toASN1Structure()), null, null, null);
        OpensslVerify.Finding first = oracle.first();
        assertEquals(first.code() + "@" + first.depth(), out.error() + "@" + out.errorDepth(), oracle.output());
    }
}
