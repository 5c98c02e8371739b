package dev.portcullis.cli.demo;

import java.nio.file.Path;

import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;

/** What the demonstration's steps hand to each other. */
final class DemoState {
    /** A scratch directory, deleted when the demonstration ends. */
    final Path workDir;

    /** The demo CA and server certificate with their keys (made by {@link CertificatesStep}). */
    X509 caCertificate;
    PKey caKey;
    X509 serverCertificate;
    PKey serverKey;

    DemoState(Path workDir) {
        this.workDir = workDir;
    }
}
