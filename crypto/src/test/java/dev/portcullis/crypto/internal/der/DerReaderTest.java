package dev.portcullis.crypto.internal.der;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.portcullis.crypto.CryptoException;

/** {@link DerReader} headers and {@link Der} encodings, with Bouncy Castle's encoder as the oracle. */
class DerReaderTest {
    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    @Test
    void readsShortAndLongFormLengths() {
        DerReader reader = new DerReader(hex("0401ff" + "048180" + "00".repeat(128) + "04820001aa"));
        assertEquals(1, reader.next().contentLength());
        assertEquals(128, reader.next().contentLength());
        assertEquals(3, reader.next().contentStart() - reader.start() - 1, "non-minimal long form is accepted");
        assertEquals(1, reader.contentLength());
        assertEquals(false, reader.hasNext());
    }

    @ParameterizedTest
    @CsvSource({"'',not enough data", "04,not enough data", "0402ff,not enough data", "0480,indefinite length not allowed",
        "0485ffffffffff,too long", "1f01,header too long", "0484ffffffff,not enough data"})
    void rejectsBadHeaders(String input, String reason) {
        CryptoException e = assertThrows(CryptoException.class, () -> new DerReader(hex(input)).next());
        assertEquals(reason, e.errors().get(0).reason());
    }

    @Test
    void expectChecksTheTagAfterTheLength() {
        assertEquals("wrong tag", assertThrows(CryptoException.class,
                () -> new DerReader(hex("0400")).expect(Der.SEQUENCE)).errors().get(0).reason());
        assertEquals("field missing", assertThrows(CryptoException.class,
                () -> new DerReader(new byte[0]).expect(Der.SEQUENCE)).errors().get(0).reason());
    }

    @Test
    void encodingsMatchBouncyCastle() throws Exception {
        for (BigInteger n : List.of(BigInteger.ZERO, BigInteger.valueOf(127), BigInteger.valueOf(128),
                BigInteger.valueOf(-1), BigInteger.TWO.pow(1000))) {
            assertArrayEquals(new ASN1Integer(n).getEncoded(), Der.integer(n));
        }
        byte[] big = new byte[70_000];
        assertArrayEquals(new DEROctetString(big).getEncoded(), Der.tlv(Der.OCTET_STRING, big));
        ASN1Encodable[] elements = {new DEROctetString(new byte[] {2}), new DEROctetString(new byte[] {1, 0}),
            new DEROctetString(new byte[] {1})};
        assertArrayEquals(new DERSet(elements).getEncoded(), Der.setOf(List.of(elements[0].toASN1Primitive().getEncoded(),
                elements[1].toASN1Primitive().getEncoded(), elements[2].toASN1Primitive().getEncoded())));
    }
}
