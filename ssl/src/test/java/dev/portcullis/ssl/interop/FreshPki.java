package dev.portcullis.ssl.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.portcullis.testdata.Tools;

/** A PKI made by the openssl command line in a temporary directory, for live interop tests. */
final class FreshPki {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    final Path dir;

    FreshPki(Path dir) {
        this.dir = dir;
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "root.key");
        openssl("req", "-x509", "-new", "-key", "root.key", "-subj", "/O=Interop/CN=Interop Root", "-days", "2",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
                "-out", "root.pem");
        leaf("server-rsa", "RSA", "/CN=localhost", "serverAuth");
        leaf("server-ec", "EC", "/CN=localhost", "serverAuth");
        leaf("server-ed25519", "ED25519", "/CN=localhost", "serverAuth");
        leaf("client", "EC", "/O=Interop/CN=Interop Client", "clientAuth");
    }

    private void leaf(String name, String algorithm, String subject, String usage) {
        if (algorithm.equals("RSA")) {
            openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", name + ".key");
        } else if (algorithm.equals("EC")) {
            openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key");
        } else {
            openssl("genpkey", "-algorithm", algorithm, "-out", name + ".key");
        }
        openssl("req", "-new", "-key", name + ".key", "-subj", subject, "-out", name + ".csr");
        write(name + ".ext", "basicConstraints=CA:FALSE\nextendedKeyUsage=" + usage
                + "\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "7",
                "-days", "2", "-extfile", name + ".ext", "-out", name + ".pem");
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void openssl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Tools.require("openssl").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Tools.Result result = Tools.runIn(dir, TIMEOUT, null, command);
        if (result.exitCode() != 0) {
            throw new AssertionError("openssl failed: " + result);
        }
    }
}
