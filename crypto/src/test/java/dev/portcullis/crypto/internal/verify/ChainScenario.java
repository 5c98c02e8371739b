package dev.portcullis.crypto.internal.verify;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A random verification problem: a chain of depth 1–5 with random validity windows, missing or wrong
 * intermediates, wrong key usages, path-length and name-constraint violations, revoked leaves with CRLs,
 * cross-signed roots, same-subject roots with different keys, and random verification flags. Everything derives
 * from one seed, so a disagreement can be replayed.
 */
final class ChainScenario {
    final long seed;
    final long time = Instant.now().getEpochSecond();
    final List<X509CertificateHolder> store = new ArrayList<>();
    final List<X509CRLHolder> crls = new ArrayList<>();
    final List<X509CertificateHolder> untrusted = new ArrayList<>();
    X509CertificateHolder leaf;
    int flags = VerifyParams.TRUSTED_FIRST;
    int purpose;
    String host;
    final List<String> opensslFlags = new ArrayList<>();
    final StringBuilder description = new StringBuilder();
    private final Random rnd;
    private final String tag;

    ChainScenario(long seed) {
        this.seed = seed;
        this.rnd = new Random(seed);
        this.tag = Long.toHexString(seed);
        generate();
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private KeyPair key() {
        int r = rnd.nextInt(100);
        if (r < 60) {
            return TestPki.ec(rnd.nextInt(8));
        }
        if (r < 75) {
            return TestPki.rsa(rnd.nextInt(3));
        }
        if (r < 85) {
            return TestPki.ed25519(rnd.nextInt(4));
        }
        return r < 94 ? TestPki.ed448(rnd.nextInt(2)) : TestPki.dsa(0);
    }

    private void validity(TestPki.Cert c) {
        Instant now = Instant.ofEpochSecond(time);
        int r = rnd.nextInt(100);
        if (r < 6) {
            c.validity(now.minusSeconds(86400 * 60), now.minusSeconds(3600));
            note("expired " + c.subject);
        } else if (r < 12) {
            c.validity(now.plusSeconds(3600), now.plusSeconds(86400 * 60));
            note("future " + c.subject);
        } else if (r < 14) {
            c.validity(now.minusSeconds(86400), now);
            note("notAfter=now " + c.subject);
        } else {
            c.validity(now.minusSeconds(86400), now.plusSeconds(86400 * 30));
        }
    }

    private void note(String s) {
        description.append(s).append("; ");
    }

    private boolean withPolicies;

    private List<String> policies() {
        if (!withPolicies || chance(15)) {
            return null;
        }
        if (chance(5)) {
            note("duplicate policy OIDs");
            return List.of("1.2.3.1", "1.2.3.1");
        }
        List<String> all = List.of("1.2.3.1", "1.2.3.2", "2.5.29.32.0");
        List<String> out = new ArrayList<>();
        for (String p : all) {
            if (chance(45)) {
                out.add(p);
            }
        }
        return out.isEmpty() ? List.of(all.get(rnd.nextInt(3))) : out;
    }

    private void generate() {
        withPolicies = chance(15);
        int length = 1 + rnd.nextInt(5);
        List<TestPki.Cert> chain = new ArrayList<>(); // root first
        TestPki.Cert root = new TestPki.Cert("CN=Root " + tag + ",O=Portcullis Test", key()).ca(chance(20) ? rnd.nextInt(3) : null);
        validity(root);
        root.keyIds = chance(85);
        chain.add(root);
        root.build();
        for (int i = 1; i < length; i++) {
            boolean isLeaf = i == length - 1;
            TestPki.Cert c = new TestPki.Cert(isLeaf ? "CN=host" + rnd.nextInt(3) + ".example.com" : "CN=Intermediate " + i + " " + tag,
                    key()).issuedBy(chain.get(i - 1));
            validity(c);
            c.keyIds = chance(90);
            c.pss = chance(40);
            c.policies = policies();
            if (withPolicies && !isLeaf && chance(15)) {
                c.requireExplicit = rnd.nextInt(3);
                note("requireExplicitPolicy=" + c.requireExplicit + " on " + c.subject);
            }
            if (isLeaf) {
                shapeLeaf(c);
            } else {
                shapeIntermediate(c);
            }
            if (chance(3)) {
                c.unknownCritical = true;
                note("unknown critical on " + c.subject);
            }
            c.build();
            chain.add(c);
        }
        TestPki.Cert leafCert = chain.get(chain.size() - 1);
        leaf = leafCert.built;
        List<X509CertificateHolder> intermediates = new ArrayList<>();
        for (int i = 1; i < chain.size() - 1; i++) {
            intermediates.add(chain.get(i).built);
        }
        chooseTrust(chain, intermediates);
        chooseCrls(chain);
        chooseFlags();
    }

    private void shapeLeaf(TestPki.Cert c) {
        c.keyUsage = chance(90) ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.keyCertSign;
        c.eku = List.of(chance(80) ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth);
        int r = rnd.nextInt(100);
        if (r < 60) {
            c.dns("host" + rnd.nextInt(3) + ".example.com", "*.wild.example.com");
        } else if (r < 75) {
            c.dns("other.test");
        }
        if (chance(5)) {
            c.ca(null);
            note("leaf is CA");
        }
    }

    private void shapeIntermediate(TestPki.Cert c) {
        int r = rnd.nextInt(100);
        if (r < 85) {
            c.ca(chance(30) ? rnd.nextInt(2) : null);
        } else if (r < 90) {
            c.ca = false;
            note("CA=false " + c.subject);
        } else if (r < 95) {
            c.keyUsage = KeyUsage.keyCertSign;
            note("no basicConstraints " + c.subject);
        } else {
            c.ca(null);
            c.keyUsage = KeyUsage.digitalSignature;
            note("no keyCertSign " + c.subject);
        }
        if (chance(15)) {
            if (chance(50)) {
                c.permittedDns = List.of(chance(70) ? ".example.com" : "allowed.test");
            } else {
                c.excludedDns = List.of(chance(50) ? "host1.example.com" : ".wild.example.com");
            }
            note("name constraints on " + c.subject);
        }
        if (chance(10)) {
            c.bcCritical = false;
        }
    }

    private void chooseTrust(List<TestPki.Cert> chain, List<X509CertificateHolder> intermediates) {
        TestPki.Cert root = chain.get(0);
        if (chance(10)) {
            TestPki.Cert decoy = new TestPki.Cert("CN=Root " + tag + ",O=Portcullis Test", TestPki.ec(9)).ca(null);
            decoy.keyIds = chance(50);
            decoy.build();
            store.add(decoy.built);
            note("same-subject decoy root first");
        }
        int r = rnd.nextInt(100);
        if (r < 75) {
            if (chance(5)) {
                store.add(TestPki.tampered(root.built));
                note("root self-signature broken");
            } else {
                store.add(root.built);
            }
        } else if (r < 85 && chain.size() > 2) {
            store.add(chain.get(1).built);
            note("only first intermediate trusted");
        } else if (r < 93 && chain.size() > 1) {
            TestPki.Cert other = new TestPki.Cert("CN=Other Root " + tag, TestPki.ec(10)).ca(null);
            other.build();
            TestPki.Cert cross = new TestPki.Cert("CN=Root " + tag + ",O=Portcullis Test", root.key).issuedBy(other).ca(null);
            cross.keyIds = root.keyIds;
            cross.build();
            store.add(other.built);
            untrusted.add(cross.built);
            note("cross-signed by other root");
        } else {
            note("no trust anchor");
        }
        List<X509CertificateHolder> inter = new ArrayList<>(intermediates);
        if (!inter.isEmpty() && chance(10)) {
            inter.remove(rnd.nextInt(inter.size()));
            note("intermediate missing");
        }
        if (chain.size() > 2 && chance(10)) {
            TestPki.Cert wrong = new TestPki.Cert(chain.get(1).subject, TestPki.ec(11)).issuedBy(root).ca(null);
            wrong.keyIds = chance(50);
            wrong.build();
            inter.add(0, wrong.built);
            note("wrong same-name intermediate first");
        }
        if (chance(10) && chain.size() > 1) {
            inter.add(root.built);
            note("root also untrusted");
        }
        if (chance(30)) {
            Collections.shuffle(inter, rnd);
        }
        untrusted.addAll(inter);
    }

    private void chooseCrls(List<TestPki.Cert> chain) {
        if (chain.size() < 2 || !chance(20)) {
            return;
        }
        flags |= VerifyParams.CRL_CHECK;
        opensslFlags.add(chance(50) ? "-crl_check" : "-crl_check_all");
        if (opensslFlags.contains("-crl_check_all")) {
            flags |= VerifyParams.CRL_CHECK_ALL;
        }
        Instant now = Instant.ofEpochSecond(time);
        for (int i = 0; i < chain.size() - 1; i++) {
            if (chance(10)) {
                note("no CRL from " + chain.get(i).subject);
                continue;
            }
            BigInteger subjectSerial = chain.get(i + 1).serial;
            boolean revoke = chance(35);
            Instant next = chance(8) ? now.minusSeconds(60) : now.plusSeconds(86400);
            Instant last = chance(5) ? now.plusSeconds(600) : now.minusSeconds(3600);
            boolean critical = chance(5);
            if (critical) {
                note("unknown critical extension in CRL of " + chain.get(i).subject);
            }
            crls.add(revoke ? TestPki.crl(chain.get(i), last, next, critical, subjectSerial, BigInteger.valueOf(7))
                    : TestPki.crl(chain.get(i), last, next, critical, BigInteger.valueOf(7)));
            if (revoke) {
                note("revoked " + chain.get(i + 1).subject);
            }
        }
        if (chance(30)) {
            TestPki.Cert root = chain.get(0);
            crls.add(TestPki.crl(root, now.minusSeconds(3600), now.plusSeconds(86400), BigInteger.valueOf(8)));
        }
    }

    private void chooseFlags() {
        if (chance(10)) {
            flags |= VerifyParams.PARTIAL_CHAIN;
            opensslFlags.add("-partial_chain");
        }
        if (chance(10)) {
            flags |= VerifyParams.X509_STRICT;
            opensslFlags.add("-x509_strict");
        }
        if (chance(5)) {
            flags |= VerifyParams.IGNORE_CRITICAL;
            opensslFlags.add("-ignore_critical");
        }
        if (chance(8)) {
            flags |= VerifyParams.CHECK_SS_SIGNATURE;
            opensslFlags.add("-check_ss_sig");
        }
        if (withPolicies && chance(60)) {
            if (chance(50)) {
                flags |= VerifyParams.POLICY_CHECK;
                opensslFlags.add("-policy_check");
            } else {
                flags |= VerifyParams.EXPLICIT_POLICY | VerifyParams.POLICY_CHECK;
                opensslFlags.add("-explicit_policy");
            }
            note("policies");
        }
        if (chance(20)) {
            purpose = Purposes.SSL_SERVER;
            opensslFlags.addAll(List.of("-purpose", "sslserver"));
        }
        if (chance(20)) {
            host = chance(50) ? "host1.example.com" : "a.wild.example.com";
            opensslFlags.addAll(List.of("-verify_hostname", host));
        }
    }

    /** The engine's verdict with the default (stop at first error) callback. */
    VerifyOutcome verifyWithEngine(VerifyCallback callback) {
        TrustStore ts = new TrustStore();
        store.forEach(c -> ts.addCert(CertInfo.of(c.toASN1Structure())));
        crls.forEach(c -> ts.addCrl(CrlInfo.of(c.toASN1Structure())));
        VerifyParams p = new VerifyParams().setFlags(flags).setTime(Instant.ofEpochSecond(time)).setPurpose(purpose).setHost(host);
        List<CertInfo> chain = new ArrayList<>();
        untrusted.forEach(c -> chain.add(CertInfo.of(c.toASN1Structure())));
        return ChainVerifier.verify(ts, CertInfo.of(leaf.toASN1Structure()), untrusted.isEmpty() ? null : chain, p, callback);
    }

    String storePem() {
        List<Object> all = new ArrayList<>(store);
        all.addAll(crls);
        return TestPki.pem(all.toArray());
    }

    String untrustedPem() {
        return TestPki.pem(untrusted.toArray());
    }

    String leafPem() {
        return TestPki.pem(leaf);
    }

    @Override
    public String toString() {
        return "seed=" + seed + " flags=" + opensslFlags + " " + description;
    }
}
