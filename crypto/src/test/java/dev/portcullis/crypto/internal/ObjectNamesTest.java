package dev.portcullis.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OID table against names OpenSSL 3 prints ({@code openssl x509 -text}, {@code asn1parse}, pyOpenSSL). */
class ObjectNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.5.4.3|CN|commonName",
        "1.2.840.113549.1.9.1|emailAddress|emailAddress",
        "2.5.4.5|serialNumber|serialNumber",
        "2.5.4.46|dnQualifier|dnQualifier",
        "0.9.2342.19200300.100.1.25|DC|domainComponent",
        "0.9.2342.19200300.100.1.1|UID|userId",
        "2.5.4.42|GN|givenName",
        "2.5.4.4|SN|surname",
        "2.5.4.65|pseudonym|pseudonym",
        "2.5.4.9|street|streetAddress",
        "1.3.6.1.4.1.311.60.2.1.3|jurisdictionC|jurisdictionCountryName",
        "1.2.840.113549.1.1.11|RSA-SHA256|sha256WithRSAEncryption",
        "1.2.840.10045.4.3.2|ecdsa-with-SHA256|ecdsa-with-SHA256",
        "1.2.840.113549.1.1.10|RSASSA-PSS|rsassaPss",
        "1.3.101.112|ED25519|ED25519",
        "2.16.840.1.101.3.4.3.2|dsa_with_SHA256|dsa_with_SHA256",
        "1.2.840.113549.1.1.1|rsaEncryption|rsaEncryption",
        "1.2.840.10045.2.1|id-ecPublicKey|id-ecPublicKey",
        "2.5.29.17|subjectAltName|X509v3 Subject Alternative Name",
        "2.5.29.19|basicConstraints|X509v3 Basic Constraints",
        "1.3.6.1.5.5.7.1.1|authorityInfoAccess|Authority Information Access",
        "1.3.6.1.5.5.7.3.1|serverAuth|TLS Web Server Authentication",
        "1.3.6.1.5.5.7.3.2|clientAuth|TLS Web Client Authentication",
        "1.3.6.1.5.5.7.48.1|OCSP|OCSP",
        "1.3.6.1.5.5.7.48.2|caIssuers|CA Issuers",
        "1.3.6.1.5.5.7.2.1|id-qt-cps|Policy Qualifier CPS",
        "1.2.840.113549.1.9.7|challengePassword|challengePassword",
        "1.2.840.113549.1.9.14|extReq|Extension Request",
        "1.2.840.10045.3.1.7|prime256v1|prime256v1",
        "1.3.132.0.34|secp384r1|secp384r1",
        "2.16.840.1.113730.1.13|nsComment|Netscape Comment",
        "1.3.6.1.5.5.7.1.24|tlsfeature|TLS Feature",
    })
    void namesAsOpenSslSpellsThem(String dotted, String shortName, String longName) {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier(dotted);
        assertEquals(shortName, ObjectNames.shortText(oid));
        assertEquals(longName, ObjectNames.text(oid));
        assertEquals(oid, ObjectNames.parse(shortName).orElseThrow());
        assertEquals(oid, ObjectNames.parse(longName).orElseThrow());
        assertEquals(oid, ObjectNames.parse(dotted).orElseThrow());
    }

    @Test
    void unknownOidsFallBackToDottedText() {
        ASN1ObjectIdentifier oid = new ASN1ObjectIdentifier("1.2.3.4.5.6.7");
        assertEquals("1.2.3.4.5.6.7", ObjectNames.text(oid));
        assertEquals("1.2.3.4.5.6.7", ObjectNames.shortText(oid));
        assertTrue(ObjectNames.lookup(oid).isEmpty());
    }

    @Test
    void parseRejectsWhatOpenSslRejects() {
        assertTrue(ObjectNames.parse("thisIsMadeUp").isEmpty());
        assertTrue(ObjectNames.parse("commonname").isEmpty(), "names are case-sensitive");
        assertEquals("1.0.2", ObjectNames.parse("1..2").orElseThrow().getId(), "OpenSSL reads an empty arc as 0");
        assertTrue(ObjectNames.parse("1.").isEmpty());
        assertTrue(ObjectNames.parse("3.1").isEmpty());
        assertTrue(ObjectNames.parse("").isEmpty());
        assertTrue(ObjectNames.parse(null).isEmpty());
    }

    /** {@code openssl asn1parse} prints each OBJECT with OBJ_obj2txt(no_name=0): the same as {@link ObjectNames#text}. */
    @Test
    @Tag("interop")
    void everyKnownOidPrintsAsOpenSslAsn1parsePrintsIt(@TempDir Path dir) throws IOException, InterruptedException {
        List<String> oids = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/dev/portcullis/crypto/internal/object-names.tsv"))) {
            String[] cols = line.split("\t");
            if (!line.startsWith("#") && cols[0].contains(".") && ObjectNames.lookup(new ASN1ObjectIdentifier(cols[0])).isPresent()) {
                oids.add(cols[0]);
            }
        }
        StringBuilder conf = new StringBuilder("asn1 = SEQUENCE:s\n[s]\n");
        for (int i = 0; i < oids.size(); i++) {
            conf.append("o").append(i).append(" = OID:").append(oids.get(i)).append('\n');
        }
        Path confFile = dir.resolve("oids.cnf");
        Files.writeString(confFile, conf);
        Process p = new ProcessBuilder("openssl", "asn1parse", "-genconf", confFile.toString())
            .redirectErrorStream(true).start();
        List<String> printed = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int at = line.indexOf("OBJECT            :");
            if (at >= 0) {
                printed.add(line.substring(at + "OBJECT            :".length()));
            }
        }
        assertEquals(0, p.waitFor());
        assertEquals(oids.size(), printed.size());
        for (int i = 0; i < oids.size(); i++) {
            assertEquals(printed.get(i), ObjectNames.text(new ASN1ObjectIdentifier(oids.get(i))), oids.get(i));
        }
    }
}
