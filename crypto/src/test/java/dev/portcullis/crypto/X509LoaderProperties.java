package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.portcullis.testdata.Fixtures;

/**
 * Bad input never escapes as anything but {@link CryptoException} or {@link IllegalArgumentException}: every
 * loader gets the fixture certificates and requests (PEM and DER) truncated, with bytes flipped, inserted or
 * deleted, and every getter of whatever still loads is exercised. Load∘dump is the identity on every fixture.
 */
class X509LoaderProperties {
    private static final List<String> CERTIFICATES = fixtures("x509/", ".der", "csr/");
    private static final List<String> REQUESTS = fixtures("x509/csr/", ".der", null);

    private static List<String> fixtures(String prefix, String suffix, String excluded) {
        List<String> names = new ArrayList<>();
        for (String name : Fixtures.list(prefix)) {
            if (name.endsWith(suffix) && (excluded == null || !name.contains(excluded))) {
                names.add(name);
            }
        }
        return names;
    }

    /** A fixture and how to mutate it. */
    record Mutation(String fixture, boolean pem, int kind, int position, int value, int length) {
        byte[] apply(byte[] input) {
            if (input.length == 0) {
                return input;
            }
            int at = Math.floorMod(position, input.length);
            switch (kind) {
                case 0: // truncate
                    return Arrays.copyOf(input, at);
                case 1: { // flip one byte
                    byte[] out = input.clone();
                    out[at] ^= (byte) (value == 0 ? 1 : value);
                    return out;
                }
                case 2: { // insert bytes
                    byte[] out = new byte[input.length + length];
                    System.arraycopy(input, 0, out, 0, at);
                    Arrays.fill(out, at, at + length, (byte) value);
                    System.arraycopy(input, at, out, at + length, input.length - at);
                    return out;
                }
                case 3: { // delete bytes
                    int end = Math.min(input.length, at + length);
                    byte[] out = new byte[input.length - (end - at)];
                    System.arraycopy(input, 0, out, 0, at);
                    System.arraycopy(input, end, out, at, input.length - end);
                    return out;
                }
                default: { // overwrite a length byte region with 0xff (huge lengths)
                    byte[] out = input.clone();
                    for (int i = at; i < Math.min(out.length, at + length); i++) {
                        out[i] = (byte) 0xff;
                    }
                    return out;
                }
            }
        }
    }

    private static Arbitrary<Mutation> mutations(List<String> names) {
        return Combinators.combine(Arbitraries.of(names), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(1, 8)).as(Mutation::new);
    }

    @Provide
    Arbitrary<Mutation> certificateMutations() {
        return mutations(CERTIFICATES);
    }

    @Provide
    Arbitrary<Mutation> requestMutations() {
        return mutations(REQUESTS);
    }

    private static byte[] input(Mutation mutation) {
        byte[] der = Fixtures.bytes(mutation.fixture());
        if (!mutation.pem()) {
            return mutation.apply(der);
        }
        String label = mutation.fixture().contains("/csr/") ? "CERTIFICATE REQUEST" : "CERTIFICATE";
        String pem = "-----BEGIN " + label + "-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + label
                + "-----\n";
        return mutation.apply(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static void onlyDocumentedExceptions(Runnable action) {
        try {
            action.run();
        } catch (CryptoException | IllegalArgumentException expected) {
            // the documented outcomes for bad input
        } catch (RuntimeException e) {
            fail("undocumented exception " + e, e);
        }
    }

    @Property(tries = 400)
    void certificateLoaderThrowsOnlyDocumentedExceptions(@ForAll("certificateMutations") Mutation mutation) {
        byte[] input = input(mutation);
        int type = mutation.pem() ? Crypto.FILETYPE_PEM : Crypto.FILETYPE_ASN1;
        X509[] loaded = new X509[1];
        onlyDocumentedExceptions(() -> loaded[0] = Crypto.loadCertificate(type, input));
        if (loaded[0] != null) {
            exercise(loaded[0]);
        }
    }

    @Property(tries = 200)
    void requestLoaderThrowsOnlyDocumentedExceptions(@ForAll("requestMutations") Mutation mutation) {
        byte[] input = input(mutation);
        int type = mutation.pem() ? Crypto.FILETYPE_PEM : Crypto.FILETYPE_ASN1;
        X509Req[] loaded = new X509Req[1];
        onlyDocumentedExceptions(() -> loaded[0] = Crypto.loadCertificateRequest(type, input));
        X509Req request = loaded[0];
        if (request != null) {
            onlyDocumentedExceptions(() -> request.getSubject().getComponents());
            onlyDocumentedExceptions(() -> request.getSubject().toString());
            onlyDocumentedExceptions(() -> request.getSubject().hash());
            onlyDocumentedExceptions(request::getPubkey);
            onlyDocumentedExceptions(() -> request.getExtensions().forEach(X509Extension::toString));
            onlyDocumentedExceptions(() -> request.verify(request.getPubkey()));
            onlyDocumentedExceptions(() -> Crypto.dumpCertificateRequest(Crypto.FILETYPE_TEXT, request));
        }
    }

    /** The same check with many more mutations, for the {@code slow} profile. */
    @Property(tries = 50_000)
    @net.jqwik.api.Tag("slow")
    void certificateLoaderThrowsOnlyDocumentedExceptionsLongRun(@ForAll("certificateMutations") Mutation mutation) {
        certificateLoaderThrowsOnlyDocumentedExceptions(mutation);
    }

    private static void exercise(X509 cert) {
        List<Runnable> reads = List.of(cert::getSubject, () -> cert.getSubject().getComponents(),
                () -> cert.getSubject().get("CN"), () -> cert.getIssuer().toString(), cert::subjectNameHash,
                cert::getSerialNumber, cert::getVersion, cert::getNotBefore, cert::getNotAfter, cert::hasExpired,
                cert::getSignatureAlgorithm, () -> cert.digest("sha256"), cert::getPubkey,
                () -> { for (int i = 0; i < cert.getExtensionCount(); i++) {
                    cert.getExtension(i).toString();
                } },
                () -> Crypto.dumpCertificate(Crypto.FILETYPE_TEXT, cert), cert::toJavaCertificate,
                () -> { cert.setSerialNumber(9); Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert); });
        for (Runnable read : reads) {
            onlyDocumentedExceptions(read);
        }
    }

    @Provide
    Arbitrary<String> certificateFixtures() {
        return Arbitraries.of(CERTIFICATES);
    }

    @Property(tries = 100)
    void loadThenDumpIsIdentity(@ForAll("certificateFixtures") String fixture) {
        byte[] der = Fixtures.bytes(fixture);
        roundTrip(der, d -> Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, Crypto.loadCertificate(Crypto.FILETYPE_ASN1, d)));
        byte[] pem = Crypto.dumpCertificate(Crypto.FILETYPE_PEM, Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der));
        roundTrip(pem, p -> Crypto.dumpCertificate(Crypto.FILETYPE_PEM, Crypto.loadCertificate(Crypto.FILETYPE_PEM, p)));
        byte[] fixturePem = Fixtures.bytes(fixture.replace(".der", ".pem"));
        assertArrayEquals(der, Crypto.dumpCertificate(Crypto.FILETYPE_ASN1,
                Crypto.loadCertificate(Crypto.FILETYPE_PEM, fixturePem)));
    }

    private static void roundTrip(byte[] input, Function<byte[], byte[]> loadAndDump) {
        assertArrayEquals(input, loadAndDump.apply(input));
    }
}
