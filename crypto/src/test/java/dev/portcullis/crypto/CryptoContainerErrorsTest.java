package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.testdata.Fixtures;

/**
 * The container loaders' errors for bad input, entry for entry as pyOpenSSL 23 reported them (testdata area
 * {@code errors}: {@code load_pkcs12}, {@code load_crl}, {@code load_pkcs7_data}).
 */
class CryptoContainerErrorsTest {
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Object c : (List<Object>) Fixtures.expected("errors").get("cases")) {
            Map<String, Object> m = (Map<String, Object>) c;
            String call = (String) m.get("call");
            if (call.startsWith("load_pkcs12") || call.equals("load_crl") || call.equals("load_pkcs7_data")) {
                selected.add(m);
            }
        }
        return selected;
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void errorsAreThoseOfPyOpenSsl(Map<String, Object> c) {
        String call = (String) c.get("call");
        byte[] input = Fixtures.bytes((String) c.get("input"));
        int type = "PEM".equals(c.get("filetype")) ? Crypto.FILETYPE_PEM : Crypto.FILETYPE_ASN1;
        Runnable load;
        if (call.startsWith("load_pkcs12")) {
            byte[] password = call.contains("b'wrong'") ? "wrong".getBytes(StandardCharsets.US_ASCII) : null;
            load = () -> Crypto.loadPkcs12(input, password);
        } else if (call.equals("load_crl")) {
            load = () -> Crypto.loadCrl(type, input);
        } else {
            load = () -> Crypto.loadPkcs7Data(type, input);
        }
        Map<String, Object> result = (Map<String, Object>) c.get("result");
        assertEquals(false, result.get("ok"));
        CryptoException e = assertThrows(CryptoException.class, load::run, call);
        List<List<String>> entries = new ArrayList<>();
        for (CryptoException.Entry entry : e.errors()) {
            entries.add(List.of(entry.library(), entry.function(), entry.reason()));
        }
        assertEquals(result.get("entries"), entries, call + " " + c.get("input"));
    }
}
