package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Revoked}: pyOpenSSL 24.2's TestRevoked with the same expectations. */
class RevokedTest {
    @Test
    void construction() {
        Revoked revoked = new Revoked();
        assertEquals("00", revoked.getSerial());
        assertNull(revoked.getRevDate());
        assertNull(revoked.getReason());
    }

    @ParameterizedTest
    @CsvSource({"10b, 010B", "31ppp, 31", "-5, -05", "0, 00", "ABCDEF0123, ABCDEF0123", "abcdef0123, ABCDEF0123",
            "0000ff, FF", "80, 80"})
    void serialIsReadLikeBnHex2bn(String input, String expected) {
        Revoked revoked = new Revoked();
        revoked.setSerial(input);
        assertEquals(expected, revoked.getSerial());
    }

    @Test
    void badSerials() {
        Revoked revoked = new Revoked();
        assertEquals("bad hex string",
                assertThrows(IllegalArgumentException.class, () -> revoked.setSerial("pqrst")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> revoked.setSerial(""));
        assertThrows(IllegalArgumentException.class, () -> revoked.setSerial((String) null));
    }

    @Test
    void dateRoundTrips() {
        Revoked revoked = new Revoked();
        revoked.setRevDate("20230101120000Z");
        assertEquals("20230101120000Z", revoked.getRevDate());
        revoked.setRevDate("230101120000Z");
        assertEquals("20230101120000Z", revoked.getRevDate());
        assertEquals("Invalid string",
                assertThrows(IllegalArgumentException.class, () -> revoked.setRevDate("yesterday")).getMessage());
    }

    /** pyOpenSSL's test_reason: each reason, and its display form fed back, round-trips. */
    @Test
    void everyReasonRoundTrips() {
        Revoked revoked = new Revoked();
        for (String reason : Revoked.allReasons()) {
            revoked.setReason(reason);
            String shown = revoked.getReason();
            assertEquals(reason.toLowerCase(Locale.ROOT), shown.toLowerCase(Locale.ROOT).replace(" ", ""));
            revoked.setReason(shown);
            assertEquals(shown, revoked.getReason());
        }
        revoked.setReason(null);
        assertNull(revoked.getReason());
    }

    @ParameterizedTest
    @CsvSource({"unspecified, Unspecified", "KEYCOMPROMISE, Key Compromise", "ca compromise, CA Compromise",
            "affiliationChanged, Affiliation Changed", "Superseded, Superseded",
            "cessation of operation, Cessation Of Operation", "certificateHold, Certificate Hold"})
    void reasonsAreCaseInsensitiveAndIgnoreSpaces(String input, String shown) {
        Revoked revoked = new Revoked();
        revoked.setReason(input);
        assertEquals(shown, revoked.getReason());
    }

    @Test
    void invalidReason() {
        Revoked revoked = new Revoked();
        assertThrows(IllegalArgumentException.class, () -> revoked.setReason("blue"));
        assertThrows(IllegalArgumentException.class, () -> revoked.setReason("removeFromCRL"));
    }

    @Test
    void settingNoReasonOnAnEntryWithoutOneIsFine() {
        Revoked revoked = new Revoked();
        revoked.setReason(null);
        assertNull(revoked.getReason());
    }

    /** The list pyOpenSSL 23 printed ({@code all_reasons()} in containers/expected.json); a fresh copy each time. */
    @Test
    @SuppressWarnings("unchecked")
    void allReasonsAreExactlyPyOpenSsls() {
        List<Object> printed = (List<Object>) ContainerFixtures.expected("crl", "containers/crl/pyopenssl.pem")
                .get("all_reasons");
        assertEquals(printed, List.copyOf(Revoked.allReasons()));
        List<String> copy = Revoked.allReasons();
        copy.clear();
        assertEquals(7, Revoked.allReasons().size());
    }
}
