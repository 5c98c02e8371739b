package dev.portcullis.crypto.internal.text;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import dev.portcullis.testdata.Fixtures;

/** The {@code text} fixture area: files made and printed by openssl and pyOpenSSL (testdata/gen/area_text.py). */
final class TextFixtures {
    private TextFixtures() {
    }

    static Map<String, Object> expected() {
        return Fixtures.expected("text");
    }

    /** Every certificate case (id → its recorded values), self-signed ones and CA-signed ones. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> certificates() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        all.putAll((Map<String, Map<String, Object>>) expected().get("certificates"));
        all.putAll((Map<String, Map<String, Object>>) expected().get("signed"));
        return all;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> section(String name) {
        return (Map<String, Map<String, Object>>) expected().get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    static Object pem(String fixture) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(Fixtures.bytes(fixture), StandardCharsets.US_ASCII)))) {
            return parser.readObject();
        } catch (IOException e) {
            throw new AssertionError(fixture, e);
        }
    }

    static Certificate certificate(String fixture) {
        return ((X509CertificateHolder) pem(fixture)).toASN1Structure();
    }

    static CertificationRequest request(String fixture) {
        return ((PKCS10CertificationRequest) pem(fixture)).toASN1Structure();
    }

    static CertificateList crl(String fixture) {
        return ((X509CRLHolder) pem(fixture)).toASN1Structure();
    }

    /** The lines of {@code text} from the line equal to {@code first} up to (not including) the first line starting with {@code stop}. */
    static String block(String text, String first, String stop) {
        int start = text.indexOf(first);
        if (start < 0) {
            return "";
        }
        int end = text.indexOf("\n" + stop, start);
        return text.substring(start, end < 0 ? text.length() : end + 1);
    }
}
