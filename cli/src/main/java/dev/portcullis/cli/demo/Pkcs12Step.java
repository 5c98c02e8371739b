package dev.portcullis.cli.demo;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKCS12;
import dev.portcullis.crypto.PKCS12Profile;

/** The server certificate and key exported as PKCS#12 in both profiles, read back by Portcullis and by the JDK. */
final class Pkcs12Step implements DemoStep {
    @Override
    public String title() {
        return "PKCS#12 for Java, Windows and OpenSSL (PKCS12, PKCS12Profile)";
    }

    @Override
    public void run(DemoState state, PrintStream out) throws Exception {
        PKCS12 p12 = new PKCS12();
        p12.setPrivateKey(state.serverKey);
        p12.setCertificate(state.serverCertificate);
        p12.setCaCertificates(List.of(state.caCertificate));
        p12.setFriendlyName("server".getBytes(StandardCharsets.UTF_8));
        char[] password = "demo password".toCharArray();
        for (PKCS12Profile profile : List.of(PKCS12Profile.MODERN, PKCS12Profile.LEGACY)) {
            String name = profile == PKCS12Profile.MODERN ? "server-modern.p12" : "server-legacy.p12";
            Path path = state.workDir.resolve(name);
            Files.write(path, p12.export(password, profile));
            PKCS12 back = Crypto.loadPkcs12(Files.readAllBytes(path), password);
            out.printf("%-18s %5d bytes  %s%n", name, Files.size(path), profile);
            out.println("  read back:  " + back.getCertificate().getSubject() + ", " + back.getPrivateKey()
                    + ", " + back.getCaCertificates().size() + " CA certificate(s)");
            KeyStore jdk = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                jdk.load(in, password);
            }
            out.println("  JDK KeyStore aliases: " + Collections.list(jdk.aliases()));
        }
    }
}
