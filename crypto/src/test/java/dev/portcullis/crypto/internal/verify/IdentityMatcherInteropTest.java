package dev.portcullis.crypto.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.crypto.internal.Bc;

/**
 * Differential test of host-name, e-mail and IP matching against libcrypto's own {@code X509_check_host},
 * {@code X509_check_email} and {@code X509_check_ip}, called through ctypes from {@code /usr/bin/python3} on the
 * same DER certificates with the same flags: 1500 random certificate/name/flag combinations (wildcards in every
 * position, A-labels, leading-dot references, CN-only certificates, case changes, every X509_CHECK_FLAG).
 */
@Tag("interop")
class IdentityMatcherInteropTest {
    private static final String[] LABELS = {"www", "a", "foo", "xn--bcher-kva", "WWW", "b-c", "f", "mail"};
    private static final String[] DOMAINS = {"example.com", "Example.COM", "example.org", "co.uk", "com", "test"};
    private static final String[] ORACLE = {
        "import sys, ctypes, ctypes.util, base64",
        "lib = ctypes.CDLL(ctypes.util.find_library('crypto'))",
        "lib.d2i_X509.restype = ctypes.c_void_p",
        "lib.d2i_X509.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_long]",
        "for k in ('X509_check_host', 'X509_check_email'):",
        "    getattr(lib, k).argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_void_p]",
        "lib.X509_check_ip.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint]",
        "for line in sys.stdin:",
        "    kind, der64, name, flags = line.split()",
        "    der = base64.b64decode(der64); buf = ctypes.c_char_p(der)",
        "    x = lib.d2i_X509(None, ctypes.byref(buf), len(der))",
        "    n = bytes.fromhex(name)",
        "    if kind == 'host': r = lib.X509_check_host(x, n, len(n), int(flags), None)",
        "    elif kind == 'email': r = lib.X509_check_email(x, n, len(n), int(flags), None)",
        "    else: r = lib.X509_check_ip(x, n, len(n), int(flags))",
        "    print(r, flush=True)",
    };

    private record Case(String kind, CertInfo cert, byte[] name, int flags, String label) {
    }

    @Test
    void agreesWithLibcrypto(@TempDir Path dir) throws Exception {
        Random rnd = new Random();
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            cases.add(randomCase(rnd));
        }
        Path script = dir.resolve("oracle.py");
        Files.write(script, String.join("\n", ORACLE).getBytes(StandardCharsets.UTF_8));
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true).start();
        StringBuilder in = new StringBuilder();
        for (Case c : cases) {
            in.append(c.kind).append(' ').append(Base64.getEncoder().encodeToString(c.cert.der())).append(' ')
                    .append(HexFormat.of().formatHex(c.name)).append(' ').append(c.flags).append('\n');
        }
        p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<String> answers = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(cases.size(), answers.size(), String.join("\n", answers));
        int matches = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            boolean expected = Integer.parseInt(answers.get(i).trim()) == 1;
            boolean actual = switch (c.kind) {
                case "host" -> IdentityMatcher.matchesHost(c.cert, new String(c.name, StandardCharsets.UTF_8), c.flags);
                case "email" -> IdentityMatcher.matchesEmail(c.cert, new String(c.name, StandardCharsets.UTF_8), c.flags);
                default -> IdentityMatcher.matchesIp(c.cert, c.name);
            };
            assertEquals(expected, actual, c.label);
            matches += expected ? 1 : 0;
        }
        System.out.printf("identity differential: %d cases agree (%d matches)%n", cases.size(), matches);
    }

    private static String pick(Random rnd, String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private static String pattern(Random rnd) {
        String domain = pick(rnd, DOMAINS);
        String label = pick(rnd, LABELS);
        return switch (rnd.nextInt(8)) {
            case 0 -> "*." + domain;
            case 1 -> "*." + label + "." + domain;
            case 2 -> label.substring(0, 1) + "*." + domain;
            case 3 -> "*" + label + "." + domain;
            case 4 -> label + ".*." + domain;
            case 5 -> "xn--*." + domain;
            default -> label + "." + domain;
        };
    }

    private static String reference(Random rnd) {
        String domain = pick(rnd, DOMAINS);
        return switch (rnd.nextInt(6)) {
            case 0 -> "." + domain;
            case 1 -> pick(rnd, LABELS) + "." + pick(rnd, LABELS) + "." + domain;
            default -> pick(rnd, LABELS) + "." + domain;
        };
    }

    private static Case randomCase(Random rnd) {
        List<GeneralName> sans = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(4)) {
                case 0 -> sans.add(new GeneralName(GeneralName.rfc822Name, pick(rnd, LABELS) + "@" + pick(rnd, DOMAINS)));
                case 1 -> sans.add(new GeneralName(GeneralName.iPAddress, rnd.nextBoolean() ? "192.0.2." + rnd.nextInt(3) : "2001:db8::" + rnd.nextInt(3)));
                default -> sans.add(new GeneralName(GeneralName.dNSName, pattern(rnd)));
            }
        }
        String cn = rnd.nextBoolean() ? pattern(rnd) : pick(rnd, LABELS) + "@" + pick(rnd, DOMAINS);
        String subject = "CN=" + cn + (rnd.nextInt(4) == 0 ? ",E=" + pick(rnd, LABELS) + "@" + pick(rnd, DOMAINS) : "");
        CertInfo cert = build(subject, sans);
        int flags = rnd.nextInt(64);
        String kind;
        byte[] name;
        switch (rnd.nextInt(6)) {
            case 0 -> {
                kind = "email";
                name = (pick(rnd, LABELS) + "@" + pick(rnd, DOMAINS)).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                kind = "ip";
                name = rnd.nextBoolean() ? new byte[] {(byte) 192, 0, 2, (byte) rnd.nextInt(3)}
                        : org.bouncycastle.util.IPAddress.isValid("2001:db8::1") ? ipv6(rnd.nextInt(3)) : new byte[16];
            }
            default -> {
                kind = "host";
                String ref = reference(rnd);
                if (rnd.nextBoolean()) {
                    String base = sans.stream().filter(g -> g.getTagNo() == GeneralName.dNSName).map(g -> g.getName().toString())
                            .findFirst().orElse(cn);
                    ref = derive(rnd, base);
                }
                name = ref.getBytes(StandardCharsets.UTF_8);
            }
        }
        String label = kind + " " + new String(name, StandardCharsets.ISO_8859_1) + " flags=" + flags + " subject=" + subject
                + " SANs=" + sans;
        return new Case(kind, cert, name, flags, label);
    }

    /** A reference name close to {@code pattern}: the wildcard filled in, case changed, a label added or dropped. */
    private static String derive(Random rnd, String pattern) {
        String fill = switch (rnd.nextInt(5)) {
            case 0 -> "";
            case 1 -> "x.y";
            case 2 -> "xn--abc";
            default -> pick(rnd, LABELS);
        };
        String r = pattern.replace("*", fill);
        if (rnd.nextInt(4) == 0) {
            r = r.toUpperCase(java.util.Locale.ROOT);
        }
        if (rnd.nextInt(5) == 0) {
            r = pick(rnd, LABELS) + "." + r;
        }
        if (rnd.nextInt(6) == 0 && r.indexOf('.') > 0) {
            r = r.substring(r.indexOf('.'));
        }
        return r;
    }

    private static byte[] ipv6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }

    private static CertInfo build(String subject, List<GeneralName> sans) {
        try {
            var key = TestPki.ec(0);
            var name = new org.bouncycastle.asn1.x500.X500Name(subject);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, java.math.BigInteger.ONE,
                    new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86400000L), name, key.getPublic());
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
            }
            var holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(key.getPrivate()));
            return CertInfo.of(holder.toASN1Structure());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
