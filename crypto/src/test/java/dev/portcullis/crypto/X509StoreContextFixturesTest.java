package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.crypto.internal.verify.CertInfo;
import dev.portcullis.crypto.internal.verify.ChainVerifier;
import dev.portcullis.crypto.internal.verify.Purposes;
import dev.portcullis.crypto.internal.verify.TrustStore;
import dev.portcullis.crypto.internal.verify.VerifyOutcome;
import dev.portcullis.crypto.internal.verify.VerifyParams;
import dev.portcullis.testdata.Fixtures;

/**
 * The testdata "verify" corpus: chains made with {@code openssl ca}, with the verdicts {@code openssl verify} and
 * pyOpenSSL 23's {@code X509StoreContext} recorded for them (missing issuers, expiry, path length, non-CA issuers,
 * name constraints, CRLs, partial chains, strict mode, purposes, a hashed CA directory made by {@code openssl rehash}).
 */
class X509StoreContextFixturesTest {
    @TempDir
    static Path capathCopy;

    /**
     * The cases with options pyOpenSSL cannot set but Portcullis exposes: host names, IP and e-mail addresses
     * ({@code -verify_hostname/-verify_ip/-verify_email}) through {@link X509StoreContext#setHost} and friends. Cases
     * that need a user policy set ({@code -policy}) are skipped: Portcullis, like pyOpenSSL, has no way to give one.
     */
    @TestFactory
    Stream<DynamicTest> everyRecordedOptionCase() {
        Map<String, Object> cases = map(Fixtures.expected("verify").get("option_cases"));
        return cases.entrySet().stream().filter(e -> !map(map(e.getValue()).get("spec")).containsKey("policy"))
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkOption(map(e.getValue()))));
    }

    private void checkOption(Map<String, Object> c) {
        Map<String, Object> spec = map(c.get("spec"));
        Map<String, Object> openssl = map(c.get("openssl"));
        X509Store store = new X509Store();
        for (Object t : list(spec.get("trusted"))) {
            store.addCert(load((String) t));
        }
        X509StoreContext ctx = new X509StoreContext(store, load((String) spec.get("cert")));
        if (spec.containsKey("verify_hostname")) {
            ctx.setHost((String) spec.get("verify_hostname"));
        }
        if (spec.containsKey("verify_ip")) {
            ctx.setIp((String) spec.get("verify_ip"));
        }
        if (spec.containsKey("verify_email")) {
            ctx.setEmail((String) spec.get("verify_email"));
        }
        if ("OK".equals(openssl.get("verdict"))) {
            ctx.verifyCertificate();
            return;
        }
        X509StoreContextException e = assertThrows(X509StoreContextException.class, ctx::verifyCertificate);
        Map<String, Object> first = map(list(openssl.get("errors")).get(0));
        assertEquals(List.of(num(first.get("code")), num(first.get("depth")), first.get("message")), e.errors().toList());
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedCase() {
        Map<String, Object> cases = map(Fixtures.expected("verify").get("cases"));
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(map(e.getValue()))));
    }

    private void check(Map<String, Object> c) throws Exception {
        Map<String, Object> spec = map(c.get("spec"));
        Map<String, Object> openssl = map(c.get("openssl"));
        X509 cert = load((String) spec.get("cert"));
        if (spec.containsKey("purpose")) {
            checkWithEngine(spec, openssl, cert);
            return;
        }
        X509Store store = new X509Store();
        for (Object t : list(spec.get("trusted"))) {
            store.addCert(load((String) t));
        }
        for (Object crl : list(spec.get("crls"))) {
            store.addCrl(crl((String) crl));
        }
        if (spec.containsKey("capath")) {
            String dir = (String) spec.get("capath");
            Fixtures.copyTo(dir + "/", capathCopy);
            store.loadLocations(null, capathCopy.toString());
        }
        int flags = 0;
        for (Object f : list(spec.get("flags"))) {
            flags |= switch ((String) f) {
                case "crl_check" -> X509StoreFlags.CRL_CHECK;
                case "crl_check_all" -> X509StoreFlags.CRL_CHECK | X509StoreFlags.CRL_CHECK_ALL;
                case "partial_chain" -> X509StoreFlags.PARTIAL_CHAIN;
                case "x509_strict" -> X509StoreFlags.X509_STRICT;
                case "ignore_critical" -> X509StoreFlags.IGNORE_CRITICAL;
                case "explicit_policy" -> X509StoreFlags.EXPLICIT_POLICY;
                case "policy_check" -> X509StoreFlags.POLICY_CHECK;
                case "check_ss_sig" -> X509StoreFlags.CHECK_SS_SIGNATURE;
                default -> throw new AssertionError("unmapped flag " + f);
            };
        }
        store.setFlags(flags);
        if (spec.containsKey("attime")) {
            store.setTime(Instant.ofEpochSecond(((Number) spec.get("attime")).longValue()));
        }
        List<X509> untrusted = new ArrayList<>();
        for (Object u : list(spec.get("untrusted"))) {
            untrusted.add(load((String) u));
        }
        X509StoreContext ctx = new X509StoreContext(store, cert, untrusted);
        List<Object> errors = list(openssl.get("errors"));
        if ("OK".equals(openssl.get("verdict"))) {
            List<X509> chain = ctx.getVerifiedChain();
            long depths = ((String) openssl.get("stdout")).lines().filter(l -> l.startsWith("depth=")).count();
            assertEquals(depths, chain.size(), "chain length as openssl -show_chain printed");
            checkPyOpenSslChain(c, chain);
            return;
        }
        X509StoreContextException e = assertThrows(X509StoreContextException.class, ctx::verifyCertificate);
        Map<String, Object> first = map(errors.get(0));
        assertEquals(List.of(num(first.get("code")), num(first.get("depth")), first.get("message")), e.errors().toList());
        if (c.containsKey("pyopenssl")) {
            Map<String, Object> py = map(c.get("pyopenssl"));
            List<Object> pyErrors = list(py.get("errors"));
            assertEquals(List.of(num(pyErrors.get(0)), num(pyErrors.get(1)), pyErrors.get(2)), e.errors().toList());
            assertEquals(py.get("message"), e.getMessage());
            assertEquals(py.get("certificate_subject"), e.certificate() == null ? null : e.certificate().getSubject().toString());
        }
    }

    private void checkPyOpenSslChain(Map<String, Object> c, List<X509> chain) {
        if (!c.containsKey("pyopenssl")) {
            return;
        }
        List<Object> expected = list(map(c.get("pyopenssl")).get("verified_chain_subjects"));
        assertEquals(expected, chain.stream().map(x -> (Object) x.getSubject().toString()).toList());
    }

    /** Purposes are not in pyOpenSSL's X509Store API; the engine takes them as the TLS layer will pass them. */
    private void checkWithEngine(Map<String, Object> spec, Map<String, Object> openssl, X509 cert) throws Exception {
        TrustStore ts = new TrustStore();
        for (Object t : list(spec.get("trusted"))) {
            ts.addCert(info(load((String) t)));
        }
        int purpose = switch ((String) spec.get("purpose")) {
            case "sslserver" -> Purposes.SSL_SERVER;
            case "sslclient" -> Purposes.SSL_CLIENT;
            default -> throw new AssertionError("unmapped purpose " + spec.get("purpose"));
        };
        VerifyOutcome out = ChainVerifier.verify(ts, info(cert), null, new VerifyParams().setPurpose(purpose), null);
        List<Object> errors = list(openssl.get("errors"));
        if ("OK".equals(openssl.get("verdict"))) {
            if (!out.ok()) {
                fail("openssl accepted, engine said " + out.error() + " " + out.errorMessage());
            }
            return;
        }
        Map<String, Object> first = map(errors.get(0));
        assertEquals(List.of(num(first.get("code")), num(first.get("depth")), first.get("message")),
                List.of(out.error(), out.errorDepth(), out.errorMessage()));
    }

    private static CertInfo info(X509 x) {
        return CertInfo.of(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, x));
    }

    private static X509 load(String name) {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes(name));
    }

    private static X509CRL crl(String name) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(Fixtures.bytes(name)));
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
