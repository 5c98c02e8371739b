package dev.portcullis.cli.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Extension;
import dev.portcullis.crypto.X509Name;

/**
 * An EC certificate authority and a server certificate it signs, written the way pyOpenSSL code writes them
 * ({@code X509()}, setters, {@code X509Extension} strings, {@code sign}), then the server certificate's
 * {@code openssl x509 -text}-style dump.
 */
final class CertificatesStep implements DemoStep {
    @Override
    public String title() {
        return "Certificates, pyOpenSSL style (dev.portcullis.crypto)";
    }

    @Override
    public void run(DemoState state, PrintStream out) {
        PKey caKey = PKey.generateEc("prime256v1");
        X509 ca = new X509();
        ca.setVersion(2);
        ca.setSerialNumber(1);
        X509Name caName = ca.getSubject();
        caName.setCommonName("Portcullis Demo CA");
        caName.setOrganizationName("Portcullis");
        ca.setIssuer(caName);
        ca.gmtimeAdjNotBefore(0);
        ca.gmtimeAdjNotAfter(365L * 24 * 3600);
        ca.setPubkey(caKey);
        ca.addExtensions(List.of(
                new X509Extension("basicConstraints", true, "CA:TRUE, pathlen:0"),
                new X509Extension("keyUsage", true, "keyCertSign, cRLSign"),
                new X509Extension("subjectKeyIdentifier", false, "hash", ca, null)));
        ca.sign(caKey, "sha256");

        PKey serverKey = PKey.generateEc("prime256v1");
        X509 server = new X509();
        server.setVersion(2);
        server.setSerialNumber(0x1000);
        server.getSubject().setCommonName("localhost");
        server.setIssuer(ca.getSubject());
        server.gmtimeAdjNotBefore(0);
        server.gmtimeAdjNotAfter(90L * 24 * 3600);
        server.setPubkey(serverKey);
        server.addExtensions(List.of(
                new X509Extension("basicConstraints", false, "CA:FALSE"),
                new X509Extension("keyUsage", true, "digitalSignature"),
                new X509Extension("extendedKeyUsage", false, "serverAuth"),
                new X509Extension("subjectAltName", false, "DNS:localhost, IP:127.0.0.1"),
                new X509Extension("authorityKeyIdentifier", false, "keyid:always", null, ca)));
        server.sign(caKey, "sha256");

        state.caCertificate = ca;
        state.caKey = caKey;
        state.serverCertificate = server;
        state.serverKey = serverKey;
        out.println("CA:      " + ca.getSubject() + "  SHA-256 " + ca.digest("sha256"));
        out.println("server:  " + server.getSubject() + "  issued by " + server.getIssuer());
        out.println("server certificate, Crypto.dumpCertificate(FILETYPE_TEXT, server):");
        out.print(new String(Crypto.dumpCertificate(Crypto.FILETYPE_TEXT, server), StandardCharsets.UTF_8));
    }
}
