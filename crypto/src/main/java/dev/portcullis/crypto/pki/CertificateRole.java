package dev.portcullis.crypto.pki;

/**
 * What a certificate is for. The role decides the default key usage and extended key usage (RFC 5280 §4.2.1.3 and
 * §4.2.1.12) — the extensions a verifier checks before it accepts a certificate for a purpose.
 *
 * <table>
 * <caption>Defaults per role</caption>
 * <tr><th>role</th><th>basicConstraints</th><th>keyUsage (critical)</th><th>extendedKeyUsage</th></tr>
 * <tr><td>{@link #CA}</td><td>CA:TRUE (critical)</td><td>keyCertSign, cRLSign, digitalSignature</td><td>none</td></tr>
 * <tr><td>{@link #TLS_SERVER}</td><td>CA:FALSE</td><td>digitalSignature (+ keyEncipherment for RSA)</td><td>serverAuth</td></tr>
 * <tr><td>{@link #TLS_CLIENT}</td><td>CA:FALSE</td><td>digitalSignature</td><td>clientAuth</td></tr>
 * <tr><td>{@link #TLS_SERVER_AND_CLIENT}</td><td>CA:FALSE</td><td>digitalSignature (+ keyEncipherment for RSA)</td><td>serverAuth, clientAuth</td></tr>
 * <tr><td>{@link #CODE_SIGNING}</td><td>CA:FALSE</td><td>digitalSignature</td><td>codeSigning</td></tr>
 * <tr><td>{@link #EMAIL}</td><td>CA:FALSE</td><td>digitalSignature, keyEncipherment (RSA) or keyAgreement (EC)</td><td>emailProtection</td></tr>
 * </table>
 */
public enum CertificateRole {
    /** A certification authority: signs other certificates and CRLs. */
    CA,
    /** A TLS server (the default for leaf certificates). */
    TLS_SERVER,
    /** A TLS client authenticating with a certificate (mutual TLS). */
    TLS_CLIENT,
    /** Both ends of TLS, as service meshes use. */
    TLS_SERVER_AND_CLIENT,
    /** Code signing. */
    CODE_SIGNING,
    /** S/MIME e-mail protection. */
    EMAIL
}
