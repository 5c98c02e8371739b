package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * pyOpenSSL's {@code TestX509StoreContext} (tests/test_crypto.py) on pyOpenSSL's own certificates: "Testing Root CA"
 * → "intermediate" → "intermediate-service". Expected codes, depths and messages are those the pyOpenSSL tests
 * assert (and pyOpenSSL 23 with OpenSSL 3 raises).
 */
class X509StoreContextTest {
    private static final X509 ROOT = PyOpenSslCerts.root();
    private static final X509 INTERMEDIATE = load("intermediate.pem");
    private static final X509 SERVICE = load("intermediate_service.pem");

    private static X509 load(String name) {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, PyOpenSslCerts.bytes(name));
    }

    private static X509Store store(X509... certs) {
        X509Store s = new X509Store();
        for (X509 c : certs) {
            s.addCert(c);
        }
        return s;
    }

    @Test
    void valid() {
        assertDoesNotThrow(() -> new X509StoreContext(store(ROOT, INTERMEDIATE), SERVICE).verifyCertificate());
    }

    @Test
    void reuse() {
        X509StoreContext ctx = new X509StoreContext(store(ROOT, INTERMEDIATE), SERVICE);
        ctx.verifyCertificate();
        assertDoesNotThrow(ctx::verifyCertificate);
    }

    @Test
    void verifySuccessWithChain() {
        assertDoesNotThrow(() -> new X509StoreContext(store(ROOT), SERVICE, List.of(INTERMEDIATE)).verifyCertificate());
        assertDoesNotThrow(() -> new X509StoreContext(store(ROOT), INTERMEDIATE, List.of()).verifyCertificate());
        assertDoesNotThrow(() -> new X509StoreContext(store(ROOT), SERVICE, List.of(ROOT, INTERMEDIATE)).verifyCertificate());
    }

    @Test
    void validUntrustedChainReuse() {
        X509StoreContext ctx = new X509StoreContext(store(ROOT), SERVICE, List.of(INTERMEDIATE));
        ctx.verifyCertificate();
        assertDoesNotThrow(ctx::verifyCertificate);
    }

    @Test
    void chainReference() {
        List<X509> chain = new ArrayList<>(List.of(INTERMEDIATE));
        X509StoreContext ctx = new X509StoreContext(store(ROOT), SERVICE, chain);
        chain.clear();
        assertDoesNotThrow(ctx::verifyCertificate);
    }

    @Test
    void verifyFailWithChain() {
        List<Runnable> cases = List.of(
                () -> new X509StoreContext(store(ROOT), SERVICE, List.of()).verifyCertificate(),
                () -> new X509StoreContext(store(), SERVICE, List.of(INTERMEDIATE)).verifyCertificate(),
                () -> new X509StoreContext(store(), SERVICE, List.of(ROOT, INTERMEDIATE)).verifyCertificate(),
                () -> new X509StoreContext(store(INTERMEDIATE), SERVICE, List.of(ROOT)).verifyCertificate());
        for (Runnable r : cases) {
            assertThrows(X509StoreContextException.class, r::run);
        }
    }

    @Test
    void untrustedChainWrongArgs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new X509StoreContext(store(ROOT), SERVICE, Arrays.asList(INTERMEDIATE, null)));
        assertEquals("One of the elements is not an X509 instance", e.getMessage());
    }

    @Test
    void trustedSelfSigned() {
        assertDoesNotThrow(() -> new X509StoreContext(store(ROOT), ROOT).verifyCertificate());
    }

    @Test
    void untrustedSelfSigned() {
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(store(), ROOT).verifyCertificate());
        assertEquals("self-signed certificate", e.getMessage());
        assertEquals(new X509StoreContextException.Errors(18, 0, "self-signed certificate"), e.errors());
        assertEquals("Testing Root CA", e.certificate().getSubject().getCommonName());
    }

    @Test
    void invalidChainNoRoot() {
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(store(INTERMEDIATE), SERVICE).verifyCertificate());
        assertEquals("unable to get issuer certificate", e.getMessage());
        assertEquals(List.of(2, 1, "unable to get issuer certificate"), e.errors().toList());
        assertEquals("intermediate", e.certificate().getSubject().getCommonName());
    }

    @Test
    void invalidChainNoIntermediate() {
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(store(ROOT), SERVICE).verifyCertificate());
        assertEquals("unable to get local issuer certificate", e.getMessage());
        assertEquals(List.of(20, 0, "unable to get local issuer certificate"), e.errors().toList());
        assertEquals("intermediate-service", e.certificate().getSubject().getCommonName());
    }

    @Test
    void modificationPreVerify() {
        X509StoreContext ctx = new X509StoreContext(store(ROOT), SERVICE);
        assertThrows(X509StoreContextException.class, ctx::verifyCertificate);
        ctx.setStore(store(ROOT, INTERMEDIATE));
        assertDoesNotThrow(ctx::verifyCertificate);
    }

    @Test
    void verifyWithTime() {
        X509Store s = store(ROOT, INTERMEDIATE);
        // pyOpenSSL: set_time(leaf notAfter) -> "certificate has expired"
        Instant notAfter = DateTimeFormatter.ofPattern("yyyyMMddHHmmssX").parse(SERVICE.getNotAfter(), Instant::from);
        s.setTime(notAfter.atOffset(ZoneOffset.UTC).toInstant());
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(s, SERVICE).verifyCertificate());
        assertEquals("certificate has expired", e.getMessage());
    }

    @Test
    void getVerifiedChain() {
        X509StoreContext ctx = new X509StoreContext(store(ROOT, INTERMEDIATE), SERVICE);
        List<String> names = ctx.getVerifiedChain().stream().map(c -> c.getSubject().getCommonName()).toList();
        assertEquals(List.of("intermediate-service", "intermediate", "Testing Root CA"), names);
        assertEquals(names, ctx.getVerifiedChain().stream().map(c -> c.getSubject().getCommonName()).toList());
    }

    @Test
    void getVerifiedChainInvalidChainNoRoot() {
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(store(INTERMEDIATE), SERVICE).getVerifiedChain());
        assertEquals("unable to get issuer certificate", e.getMessage());
        assertEquals("intermediate", e.certificate().getSubject().getCommonName());
    }

    @Test
    void partialChainWithOnlyTheIntermediateTrusted() {
        X509Store s = store(INTERMEDIATE);
        s.setFlags(X509StoreFlags.PARTIAL_CHAIN);
        assertDoesNotThrow(() -> new X509StoreContext(s, SERVICE).verifyCertificate());
    }

    @Test
    void callbackSequenceWithoutTrustAnchorWhenEverythingIsAccepted() {
        // pyOpenSSL §6.9: with no trust anchor and a callback returning True: (20, 0, 0), (21, 0, 0), (0, 0, 1)
        List<List<Object>> calls = new ArrayList<>();
        X509StoreContext ctx = new X509StoreContext(store(), SERVICE);
        ctx.setVerifyCallback((cert, errnum, depth, ok) -> {
            calls.add(List.of(errnum, depth, ok ? 1 : 0));
            return true;
        });
        ctx.verifyCertificate();
        assertEquals(List.of(List.of(20, 0, 0), List.of(21, 0, 0), List.of(0, 0, 1)), calls);
    }

    @Test
    void callbackSequenceWithTrustedRoot() {
        // pyOpenSSL §6.9: with a trusted root: (0, 1, 1), (0, 0, 1)
        List<List<Object>> calls = new ArrayList<>();
        X509StoreContext ctx = new X509StoreContext(store(ROOT), INTERMEDIATE);
        ctx.setVerifyCallback((cert, errnum, depth, ok) -> {
            calls.add(List.of(errnum, depth, ok ? 1 : 0));
            return true;
        });
        ctx.verifyCertificate();
        assertEquals(List.of(List.of(0, 1, 1), List.of(0, 0, 1)), calls);
    }

    @Test
    void callbackRefusalFailsWithTheError() {
        X509StoreContext ctx = new X509StoreContext(store(), SERVICE);
        ctx.setVerifyCallback((cert, errnum, depth, ok) -> ok);
        X509StoreContextException e = assertThrows(X509StoreContextException.class, ctx::verifyCertificate);
        assertEquals(20, e.errors().code());
    }
}
