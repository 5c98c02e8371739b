package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.testdata.Tools;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;

/**
 * Random v3 configuration lines given to the live {@code openssl req -x509} and to {@link ExtensionParser}:
 * when OpenSSL builds the extension we must build the same DER, criticality and text; when it refuses, we must
 * refuse with the same first reason. (Lines needing a subject, an issuer or a config section are not generated:
 * the CLI has all three, pyOpenSSL none.)
 */
@Tag("interop")
class ParserInteropProperties {

    @Provide
    Arbitrary<Tuple.Tuple3<String, Boolean, String>> lines() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abcxyz019.-*").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> ip = Arbitraries.of("127.0.0.1", "::1", "2001:db8::1", "fe80::1:2", "::ffff:1.2.3.4",
            "1.2.3", "1.2.3.256", "::g", "1::2::3", "0.0.0.0", "ff:ff:ff:ff:ff:ff:ff:ff", "1:2:3:4:5:6:7:8:9");
        Arbitrary<String> mask = Arbitraries.of("192.168.0.0/255.255.0.0", "2001:db8::/ffff:ffff::", "10.0.0.0/8",
            "1.2.3.4", "10.0.0.0/255.0.0.0/1");
        Arbitrary<String> oid = Arbitraries.of("serverAuth", "TLS Web Client Authentication", "1.2.3.4", "msCodeInd",
            "codeSigning", "nope", "1..2", "OCSPSigning", "anyExtendedKeyUsage", "2.5.29.37.0");
        Arbitrary<String> gn = Arbitraries.oneOf(host.map(h -> "DNS:" + h), ip.map(i -> "IP:" + i),
            host.map(h -> "email:" + h + "@x.org"), host.map(h -> "URI:http://" + h + "/"), oid.map(o -> "RID:" + o),
            host.map(h -> "otherName:1.2.3.4;UTF8:" + h), host.map(h -> "otherName:msUPN;IA5STRING:" + h),
            Arbitraries.of("bogus:x", "DNS", "IP: 10.1.1.1 ", "DNS.1:a.b", "otherName:1.2.3.4;INT:7", "otherName:1.2"));
        Arbitrary<String> list = Arbitraries.oneOf(gn).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(",", l));
        Arbitrary<String> words = Arbitraries.of("digitalSignature", "Non Repudiation", "keyEncipherment", "cRLSign",
            "keyCertSign", "decipherOnly", "encipherOnly", "client", "server", "sslCA", "objCA", "bogus")
            .list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(",", l));
        Arbitrary<Tuple.Tuple2<String, String>> line = Arbitraries.oneOf(
            Arbitraries.of("CA:TRUE", "CA:FALSE", "CA:true,pathlen:0", "CA:TRUE,pathlen:7", "CA:yes", "CA:maybe",
                "pathlen:1", "CA:TRUE, pathlen:x", "foo").map(v -> Tuple.of("basicConstraints", v)),
            words.map(v -> Tuple.of("keyUsage", v)),
            words.map(v -> Tuple.of("nsCertType", v)),
            oid.list().ofMinSize(1).ofMaxSize(3).map(l -> Tuple.of("extendedKeyUsage", String.join(",", l))),
            list.map(v -> Tuple.of("subjectAltName", v)),
            list.map(v -> Tuple.of("issuerAltName", v)),
            Combinators.combine(Arbitraries.of("permitted;", "excluded;", "allowed;", "permitted.1;"),
                Arbitraries.oneOf(host.map(h -> "DNS:" + h), mask.map(m -> "IP:" + m), host.map(h -> "email:." + h)))
                .as((a, b) -> Tuple.of("nameConstraints", a + b)),
            Combinators.combine(Arbitraries.of("OCSP;", "caIssuers;", "1.2.3.4;", "OCSP:", "nope;"), gn)
                .as((a, b) -> Tuple.of("authorityInfoAccess", a + b)),
            // (a bare name here is a section reference: the CLI has sections, pyOpenSSL does not)
            list.filter(v -> !v.matches("(^|.*,)[A-Za-z.0-9]+(,.*|$)")).map(v -> Tuple.of("crlDistributionPoints", v)),
            Arbitraries.of("requireExplicitPolicy:0", "inhibitPolicyMapping:3", "requireExplicitPolicy:1,inhibitPolicyMapping:2",
                "foo:1", "requireExplicitPolicy:x").map(v -> Tuple.of("policyConstraints", v)),
            Arbitraries.of("0", "5", "-1", "x", "0x10").map(v -> Tuple.of("inhibitAnyPolicy", v)),
            Arbitraries.of("status_request", "status_request_v2", "17,5", "nope", "70000").map(v -> Tuple.of("tlsfeature", v)),
            host.map(v -> Tuple.of("nsComment", v + ", with comma")),
            Arbitraries.of("01:02:03", "0a0b", "xyz", "abc").map(v -> Tuple.of("subjectKeyIdentifier", v)),
            Arbitraries.of("DER:05:00", "DER:0c:02:68:69", "ASN1:UTF8String:hi", "ASN1:INTEGER:42", "ASN1:BOOLEAN:TRUE",
                "ASN1:NULL", "ASN1:OID:1.2.3", "DER:zz").map(v -> Tuple.of("1.2.3.4.5.6.7", v)));
        return Combinators.combine(line, Arbitraries.of(true, false))
            .as((l, critical) -> Tuple.of(l.get1(), critical, l.get2()));
    }

    @Property(tries = 300)
    void parserAgreesWithOpenssl(@ForAll("lines") Tuple.Tuple3<String, Boolean, String> line) throws IOException {
        String name = line.get1();
        boolean critical = line.get2();
        String value = line.get3();
        Path dir = Files.createTempDirectory("portcullis-ext");
        try {
            Files.writeString(dir.resolve("c.cnf"), "[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=x\n[v3]\n"
                + name + "=" + (critical ? "critical," : "") + value + "\n");
            Tools.Result r = Tools.runIn(dir, Duration.ofSeconds(30), null, "openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-config", "c.cnf",
                "-extensions", "v3", "-days", "1", "-out", "c.pem");
            if (r.exitCode() != 0) {
                CryptoException e = null;
                try {
                    Extension ext = ExtensionParser.parse(name, critical, value, null, null);
                    fail("OpenSSL refused " + name + "=" + value + " (" + r.stderr() + ") but we built " + ext.getExtnId());
                } catch (CryptoException expected) {
                    e = expected;
                }
                assertEquals(firstReason(r.stderr()), e.errors().get(0).reason(), r.stderr());
                return;
            }
            Certificate cert = read(dir.resolve("c.pem"));
            Extension want = find(cert, name);
            Extension got = ExtensionParser.parse(name, critical, value, null, null);
            assertNotNull(want);
            assertEquals(want.getExtnId(), got.getExtnId());
            assertEquals(want.isCritical(), got.isCritical());
            assertArrayEquals(want.getExtnValue().getOctets(), got.getExtnValue().getOctets());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> names() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abcXYZ 019-.").ofMinLength(1).ofMaxLength(8)
            .filter(v -> !v.startsWith(" ") && !v.endsWith(" "));
        Arbitrary<Tuple.Tuple2<String, String>> attribute = Arbitraries.oneOf(
            Combinators.combine(Arbitraries.of("CN", "O", "OU", "L", "ST", "title", "GN", "SN", "UID", "1.2.3.4"), value)
                .as(Tuple::of),
            Arbitraries.of("US", "UK", "DE").map(c -> Tuple.of("C", c)),
            Arbitraries.of("a@b.org", "x@y").map(e -> Tuple.of("emailAddress", e)),
            Arbitraries.of("com", "example").map(d -> Tuple.of("DC", d)),
            Arbitraries.of("1234", "AB-9").map(n -> Tuple.of("serialNumber", n)));
        return attribute.list().ofMinSize(1).ofMaxSize(5);
    }

    /** Portcullis's inline {@code dirName:/C=US/CN=x} builds what OpenSSL builds from the same entries in a section. */
    @Property(tries = 60)
    void inlineDirNameMatchesASection(@ForAll("names") List<Tuple.Tuple2<String, String>> entries) throws IOException {
        StringBuilder section = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            section.append(i).append('.').append(entries.get(i).get1()).append('=').append(entries.get(i).get2()).append('\n');
            inline.append('/').append(entries.get(i).get1()).append('=').append(entries.get(i).get2());
        }
        Path dir = Files.createTempDirectory("portcullis-dirname");
        try {
            Files.writeString(dir.resolve("c.cnf"), "[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=x\n[v3]\n"
                + "subjectAltName=dirName:dsect\n[dsect]\n" + section);
            Tools.Result r = Tools.runIn(dir, Duration.ofSeconds(30), null, "openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-config", "c.cnf",
                "-extensions", "v3", "-days", "1", "-out", "c.pem");
            assertEquals(0, r.exitCode(), r.stderr());
            Extension want = find(read(dir.resolve("c.pem")), "subjectAltName");
            Extension got = ExtensionParser.parse("subjectAltName", false, "dirName:" + inline, null, null);
            assertArrayEquals(want.getExtnValue().getOctets(), got.getExtnValue().getOctets(), inline.toString());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String firstReason(String stderr) {
        for (String l : stderr.split("\n")) {
            String[] f = l.split(":");
            if (f.length > 5 && "error".equals(f[1])) {
                return f[5];
            }
        }
        return stderr;
    }

    private static Extension find(Certificate cert, String name) {
        var id = dev.portcullis.crypto.internal.ObjectNames.parse(name).orElseThrow();
        List<Extension> all = ExtensionPrinter.listOf(cert.getTBSCertificate().getExtensions());
        return all.stream().filter(e -> e.getExtnId().equals(id)).findFirst().orElse(null);
    }

    private static Certificate read(Path pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(pem, StandardCharsets.US_ASCII)))) {
            return ((X509CertificateHolder) p.readObject()).toASN1Structure();
        }
    }
}
