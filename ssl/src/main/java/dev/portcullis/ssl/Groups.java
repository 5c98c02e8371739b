package dev.portcullis.ssl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import org.bouncycastle.asn1.pkcs.DHParameter;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.DHGroup;
import org.bouncycastle.tls.crypto.DHStandardGroups;

import dev.portcullis.crypto.EllipticCurve;

/**
 * Key-exchange groups (RFC 8446 §4.2.7, RFC 7919): OpenSSL curve names to TLS named groups, DH parameter files, and
 * the OpenSSL spelling of a negotiated group.
 */
final class Groups {
    private static final int[] FFDHE = {NamedGroup.ffdhe2048, NamedGroup.ffdhe3072, NamedGroup.ffdhe4096,
        NamedGroup.ffdhe6144, NamedGroup.ffdhe8192};

    private Groups() {
    }

    /** The TLS group of an OpenSSL curve ({@code prime256v1} is {@code secp256r1}). */
    static int namedGroupOf(EllipticCurve curve) throws SslException {
        if (curve == null) {
            throw new IllegalArgumentException("curve must be an EllipticCurve, not null");
        }
        String name = curve.getName();
        String tlsName = switch (name) {
            case "prime256v1" -> "secp256r1";
            case "prime192v1" -> "secp192r1";
            default -> name;
        };
        for (int group = 1; group < 0x0200; group++) {
            if (NamedGroup.refersToAnECDHCurve(group) && tlsName.equals(NamedGroup.getName(group))) {
                return group;
            }
        }
        throw new SslException("unsupported elliptic curve for TLS: " + name);
    }

    /**
     * The name OpenSSL's {@code SSL_get0_group_name} gives: {@code "X25519"}, {@code "X448"}, {@code "secp256r1"},
     * {@code "ffdhe2048"}, ...
     */
    static String openSslName(int group) {
        if (group < 0 || !NamedGroup.isValid(group)) {
            return null;
        }
        String name = NamedGroup.getName(group);
        if (name == null) {
            return null;
        }
        return name.startsWith("x25519") || name.startsWith("x448")
                ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** Reads PKCS#3 DH parameters ({@code -----BEGIN DH PARAMETERS-----}) as {@code openssl dhparam} writes them. */
    static DHGroup readDhParameters(String file) throws SslException {
        if (file == null) {
            throw new IllegalArgumentException("dhfile must be a path, not null");
        }
        String pem = new String(CertificateFiles.read(Path.of(file)), StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN DH PARAMETERS-----");
        int end = pem.indexOf("-----END DH PARAMETERS-----");
        if (begin < 0 || end < begin) {
            throw new SslException("no DH parameters in " + file);
        }
        String body = pem.substring(begin + "-----BEGIN DH PARAMETERS-----".length(), end).replaceAll("\\s", "");
        try {
            DHParameter parameter = DHParameter.getInstance(Base64.getDecoder().decode(body));
            return new DHGroup(parameter.getP(), null, parameter.getG(), 0);
        } catch (RuntimeException e) {
            throw new SslException("bad DH parameters in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The RFC 7919 group with these parameters, or -1 (then the parameters are sent explicitly in TLS 1.2). */
    static int ffdheGroupOf(DHGroup group) {
        for (int named : FFDHE) {
            DHGroup standard = ffdheParameters(named);
            if (standard.getP().equals(group.getP()) && standard.getG().equals(group.getG())) {
                return named;
            }
        }
        return -1;
    }

    private static DHGroup ffdheParameters(int named) {
        return switch (named) {
            case NamedGroup.ffdhe2048 -> DHStandardGroups.rfc7919_ffdhe2048;
            case NamedGroup.ffdhe3072 -> DHStandardGroups.rfc7919_ffdhe3072;
            case NamedGroup.ffdhe4096 -> DHStandardGroups.rfc7919_ffdhe4096;
            case NamedGroup.ffdhe6144 -> DHStandardGroups.rfc7919_ffdhe6144;
            default -> DHStandardGroups.rfc7919_ffdhe8192;
        };
    }

}
