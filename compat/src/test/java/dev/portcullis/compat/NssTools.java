package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testdata.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helper: builds NSS databases with certutil/pk12util/openssl and reads what those tools print. */
final class NssTools {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path work;
    private final Path noise;
    private int serial = 100;

    NssTools(Path work) {
        this.work = work;
        this.noise = work.resolve("noise.bin");
        try {
            Files.write(noise, dev.portcullis.rand.Rand.bytes(64));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A password file (certutil -f) holding {@code password}, or {@code null} for the empty password. */
    Path passwordFile(String password) {
        Path f = work.resolve("pw-" + Integer.toHexString(password.hashCode()) + ".txt");
        write(f, password + "\n");
        return f;
    }

    /** A new empty database in {@code dir} ("sql:" or "dbm:" prefix in {@code type}). */
    Path newDb(String name, String type, String password) {
        Path dir = work.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (password.isEmpty()) {
            certutil(dir, type, null, "-N", "--empty-password");
        } else {
            certutil(dir, type, password, "-N", "-f", passwordFile(password).toString());
        }
        return dir;
    }

    /** Runs certutil on {@code dir} and returns its stdout; fails the test on a non-zero exit. */
    String certutil(Path dir, String type, String password, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Tools.require("certutil").toString()));
        cmd.addAll(List.of(args));
        cmd.add("-d");
        cmd.add(type + dir);
        if (password != null && !List.of(args).contains("-f") && !List.of(args).contains("-N")) {
            cmd.add("-f");
            cmd.add(passwordFile(password).toString());
        }
        return run(cmd, "y\n\ny\n");
    }

    /** A self-signed CA made by certutil -S. */
    void makeCa(Path dir, String password, String nick, String subject, String trust, String keyArgs) {
        List<String> a = new ArrayList<>(List.of("-S", "-n", nick, "-s", subject, "-x", "-t", trust, "-2",
                "-m", Integer.toString(serial++), "-z", noise.toString()));
        a.addAll(List.of(keyArgs.split(" ")));
        certutil(dir, "sql:", password, a.toArray(String[]::new));
    }

    /** A leaf signed by {@code issuer}, made by certutil -S. */
    void makeLeaf(Path dir, String password, String nick, String subject, String issuer, String trust,
            String keyArgs, String... extra) {
        List<String> a = new ArrayList<>(List.of("-S", "-n", nick, "-s", subject, "-c", issuer, "-t", trust,
                "-m", Integer.toString(serial++), "-z", noise.toString()));
        a.addAll(List.of(keyArgs.split(" ")));
        a.addAll(List.of(extra));
        certutil(dir, "sql:", password, a.toArray(String[]::new));
    }

    /** An orphan key made by certutil -G. */
    void makeOrphanKey(Path dir, String password, String keyArgs) {
        List<String> a = new ArrayList<>(List.of("-G", "-z", noise.toString()));
        a.addAll(List.of(keyArgs.split(" ")));
        certutil(dir, "sql:", password, a.toArray(String[]::new));
    }

    /** A keyless certificate made by openssl and imported with certutil -A. */
    Path importExternal(Path dir, String password, String nick, String subject, String trust) {
        Path key = work.resolve("ext-" + serial + ".key");
        Path pem = work.resolve("ext-" + serial + ".pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", pem.toString(), "-subj", subject, "-days", "30", "-set_serial", Integer.toString(serial++)),
                null);
        certutil(dir, "sql:", password, "-A", "-n", nick, "-t", trust, "-a", "-i", pem.toString());
        return pem;
    }

    /** A PKCS#12 (OpenSSL 3 defaults: PBES2/AES) with a CA and a leaf of the given key kind, imported with pk12util. */
    void importP12(Path dir, String password, String friendlyName, String caSubject, String leafSubject,
            String keyAlg) {
        String p = "p" + serial;
        Path caKey = work.resolve(p + "ca.key");
        Path ca = work.resolve(p + "ca.pem");
        Path key = work.resolve(p + "leaf.key");
        Path csr = work.resolve(p + "leaf.csr");
        Path leaf = work.resolve(p + "leaf.pem");
        Path p12 = work.resolve(p + ".p12");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(),
                "-out", ca.toString(), "-subj", caSubject, "-days", "60", "-set_serial", Integer.toString(serial++)),
                null);
        List<String> req = new ArrayList<>(List.of("openssl", "req", "-newkey", keyAlg));
        if (keyAlg.equals("ec")) {
            req.addAll(List.of("-pkeyopt", "ec_paramgen_curve:P-256"));
        }
        req.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", leafSubject));
        run(req, null);
        run(List.of("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey",
                caKey.toString(), "-set_serial", Integer.toString(serial++), "-days", "20", "-out", leaf.toString()),
                null);
        run(List.of("openssl", "pkcs12", "-export", "-in", leaf.toString(), "-inkey", key.toString(), "-certfile",
                ca.toString(), "-name", friendlyName, "-passout", "pass:p12pw", "-out", p12.toString()), null);
        List<String> cmd = new ArrayList<>(List.of(Tools.require("pk12util").toString(), "-i", p12.toString(),
                "-d", "sql:" + dir, "-W", "p12pw"));
        if (!password.isEmpty()) {
            cmd.addAll(List.of("-k", passwordFile(password).toString()));
        }
        run(cmd, null);
    }

    /**
     * End-entity certificates without a friendly name, imported by pk12util from a keyless PKCS#12: NSS gives them
     * no nickname at all (CA certificates would get one made from their subject).
     */
    void importNamelessCertificates(Path dir, int count) {
        Path bundle = work.resolve("nameless.pem");
        StringBuilder pems = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Path pem = work.resolve("nameless" + i + ".pem");
            run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", work.resolve("nameless" + i + ".key").toString(), "-out", pem.toString(), "-subj",
                    "/CN=nameless " + i, "-days", "5", "-addext", "basicConstraints=critical,CA:FALSE"), null);
            try {
                pems.append(Files.readString(pem));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        write(bundle, pems.toString());
        Path p12 = work.resolve("nameless.p12");
        run(List.of("openssl", "pkcs12", "-export", "-nokeys", "-in", bundle.toString(), "-passout", "pass:x",
                "-out", p12.toString()), null);
        run(List.of(Tools.require("pk12util").toString(), "-i", p12.toString(), "-d", "sql:" + dir, "-W", "x"), null);
    }

    /** certutil -L: nickname → trust string, in listing order. */
    Map<String, String> listCerts(Path dir) {
        return CertutilOutput.certs(certutil(dir, "sql:", null, "-L"));
    }

    /** certutil -K: "type id name" per key, sorted. */
    List<String> listKeys(Path dir, String password) {
        return CertutilOutput.keys(certutil(dir, "sql:", password.isEmpty() ? null : password, "-K"));
    }

    /** python-nss (real NSS): "sha1 ssl,email,objsign" flag words per certificate, optionally logged in. */
    List<String> pythonNssFlags(Path dir, String password) {
        Path script = work.resolve("flags.py");
        write(script, String.join("\n",
                "import sys, hashlib, nss.nss as nss",
                "nss.nss_init('sql:' + sys.argv[1])",
                "pw = sys.argv[2] if len(sys.argv) > 2 else None",
                "if pw is not None:",
                "    nss.set_password_callback(lambda slot, retry, *a: None if retry else pw)",
                "    nss.get_internal_key_slot().authenticate()",
                "for c in nss.list_certs(nss.PK11CertListAll):",
                "    print(hashlib.sha1(c.der_data).hexdigest(), '%d,%d,%d' % (c.ssl_trust_flags,"
                        + " c.email_trust_flags, c.signing_trust_flags))",
                ""));
        List<String> cmd = new ArrayList<>(List.of(Tools.PYTHON, script.toString(), dir.toString()));
        if (password != null) {
            cmd.add(password);
        }
        List<String> lines = new ArrayList<>(List.of(run(cmd, null).split("\n")));
        lines.removeIf(String::isBlank);
        lines.sort(null);
        return lines;
    }

    String run(List<String> cmd, String stdin) {
        Tools.Result r = Tools.runIn(work, TIMEOUT, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8),
                cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> String.join(" ", cmd) + " failed: " + r);
        return r.stdoutText();
    }

    /** SHA-256 of every file in {@code dir} (name → hex), to prove reads change nothing. */
    static Map<String, String> hashes(Path dir) {
        Map<String, String> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    m.put(p.getFileName().toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    static void write(Path f, String text) {
        try {
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
