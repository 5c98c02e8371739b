package dev.portcullis.bench.nss;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.portcullis.compat.NssCertificate;
import dev.portcullis.compat.NssDb;
import dev.portcullis.compat.NssPrivateKey;

/**
 * Reading an NSS database of 1,000 certificates and 100 keys (made by {@code bench/nss/make-db.sh}): open it,
 * log in, list every certificate with its trust and every key, and decrypt one key —
 * <ul>
 * <li>{@code portcullis}: {@link NssDb} (pure Java, SQLite through sqlite-jdbc), trust listed before login as
 *     certutil -L does; {@code portcullisVerifiedTrust}: logged in first, so every trust MAC is verified;</li>
 * <li>{@code certutil}: {@code certutil -L} then {@code certutil -K} as processes (whole-process time: process
 *     start, NSS initialisation, listing; -K logs in and reads every key);</li>
 * <li>{@code sunPkcs11}: the JDK's SunPKCS11 provider over native NSS ({@code nssDbMode=readOnly}): load the
 *     {@code KeyStore}, walk every alias, get one key. NSS can be initialised only once per JVM, so its opening
 *     cost is paid once in setup and not measured — an advantage the other two do not get.</li>
 * </ul>
 * The database directory is {@code bench/target/nssdb-bench}, or the system property {@code portcullis.nssdb}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NssDbBenchmark {
    private Path dir;
    private char[] password;
    private Path passwordFile;
    private Provider sunPkcs11;

    /** Finds the database and configures SunPKCS11 over it. */
    @Setup
    public void setUp() throws IOException {
        dir = Path.of(System.getProperty("portcullis.nssdb", "bench/target/nssdb-bench")).toAbsolutePath();
        passwordFile = dir.resolve("password.txt");
        if (!Files.exists(dir.resolve("cert9.db")) || !Files.exists(passwordFile)) {
            throw new IllegalStateException("no benchmark database in " + dir + ": run bench/nss/make-db.sh first");
        }
        password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        String config = "--name=PortcullisBench\nnssLibraryDirectory=/usr/lib/x86_64-linux-gnu\n"
                + "nssSecmodDirectory=sql:" + dir + "\nnssDbMode=readOnly\nnssModule=keystore\n";
        sunPkcs11 = Security.getProvider("SunPKCS11").configure(config);
    }

    /**
     * Portcullis doing what certutil -L then -K do: list every certificate with its trust before logging in
     * (certutil -L does not log in, so neither NSS nor we check trust MACs), then log in, list every key and
     * decrypt one.
     */
    @Benchmark
    public void portcullis(Blackhole bh) {
        try (NssDb db = NssDb.open("sql:" + dir)) {
            for (NssCertificate c : db.certificates()) {
                bh.consume(c.nickname());
                bh.consume(c.trust().toString());
            }
            db.login(password);
            for (NssPrivateKey k : db.privateKeys()) {
                bh.consume(k.listName());
            }
            bh.consume(db.findByNickname("bench leaf 2").get(0).privateKey().toJavaPrivateKey());
        }
    }

    /**
     * Portcullis logged in first, so every trust object's MACs are verified (as NSS does when logged in: 300
     * trust objects x 6 MACs x PBKDF2-HMAC-SHA256 with 10,000 iterations), then the same listing and decryption.
     */
    @Benchmark
    public void portcullisVerifiedTrust(Blackhole bh) {
        try (NssDb db = NssDb.open("sql:" + dir)) {
            db.login(password);
            for (NssCertificate c : db.certificates()) {
                bh.consume(c.nickname());
                bh.consume(c.trust().toString());
            }
            for (NssPrivateKey k : db.privateKeys()) {
                bh.consume(k.listName());
            }
            bh.consume(db.findByNickname("bench leaf 2").get(0).privateKey().toJavaPrivateKey());
        }
    }

    /** certutil -L and certutil -K, as two processes. */
    @Benchmark
    public void certutil(Blackhole bh) throws IOException, InterruptedException {
        bh.consume(run("certutil", "-L", "-d", "sql:" + dir));
        bh.consume(run("certutil", "-K", "-d", "sql:" + dir, "-f", passwordFile.toString()));
    }

    /** SunPKCS11 over native NSS (already initialised): load, walk every alias, get one key. */
    @Benchmark
    public void sunPkcs11(Blackhole bh) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS11", sunPkcs11);
        ks.load(null, password);
        for (String alias : Collections.list(ks.aliases())) {
            bh.consume(ks.isKeyEntry(alias));
            bh.consume(ks.getCertificate(alias));
        }
        Key key = ks.getKey("bench leaf 2", null);
        bh.consume(key);
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        int n = 0;
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[65536];
            for (int r; (r = in.read(buf)) > 0; ) {
                n += r;
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
        return n;
    }
}
