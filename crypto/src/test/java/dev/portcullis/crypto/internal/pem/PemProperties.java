package dev.portcullis.crypto.internal.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import dev.portcullis.crypto.CryptoException;

/** {@link Pem} against the JDK's base64 codec as the oracle. */
class PemProperties {
    private static final Set<String> LABEL = Set.of("CERTIFICATE");

    private static byte[] pem(byte[] der, int lineLength, String newline) {
        String body = Base64.getMimeEncoder(lineLength, newline.getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("junk before\n-----BEGIN CERTIFICATE-----" + newline + body + newline + "-----END CERTIFICATE-----"
                + newline + "junk after").getBytes(StandardCharsets.US_ASCII);
    }

    @Property(tries = 300)
    void decodesWhatTheJdkEncodes(@ForAll @Size(max = 3000) byte[] der, @ForAll @IntRange(min = 1, max = 40) int quads,
            @ForAll boolean crlf) {
        byte[] input = pem(der, quads * 4, crlf ? "\r\n" : "\n");
        assertArrayEquals(der, Pem.readFirst(input, LABEL).der());
    }

    @Property(tries = 300)
    void writesWhatOpenSslWrites(@ForAll @Size(max = 3000) byte[] der) {
        String body = der.length == 0 ? "" : Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n";
        String expected = "-----BEGIN CERTIFICATE-----\n" + body + "-----END CERTIFICATE-----\n";
        assertEquals(expected, new String(Pem.write("CERTIFICATE", der), StandardCharsets.US_ASCII));
    }

    @Property(tries = 200)
    void oddLineBreaksAreSkipped(@ForAll @Size(min = 1, max = 500) byte[] der, @ForAll @IntRange(min = 1, max = 7) int every) {
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder broken = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            broken.append(body.charAt(i));
            if (i % every == every - 1) {
                broken.append(i % 2 == 0 ? "\n" : " \t");
            }
        }
        byte[] input = ("-----BEGIN CERTIFICATE-----\n" + broken + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(der, Pem.readFirst(input, LABEL).der());
    }

    @Example
    void badBase64() {
        for (String body : new String[] {"A", "AA=A", "A===", "AAAA=", "AB*D", "QQ==QQ=="}) {
            byte[] input = ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n")
                    .getBytes(StandardCharsets.US_ASCII);
            CryptoException e = assertThrows(CryptoException.class, () -> Pem.readFirst(input, LABEL), body);
            assertEquals("bad base64 decode", e.errors().get(0).reason());
        }
    }

    @Example
    void headersAreSkipped() {
        byte[] input = ("-----BEGIN CERTIFICATE-----\nProc-Type: 4,NOTHING\nComment: x\n\nAQID\n"
                + "-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new byte[] {1, 2, 3}, Pem.readFirst(input, LABEL).der());
    }
}
