package dev.portcullis.crypto.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Bad input to the engine is an {@link IllegalArgumentException} naming the problem, never a raw parser error. */
class EngineInputsTest {
    @Test
    void garbageCertificate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CertInfo.of(new byte[] {0x30, 0x03, 1, 2, 3}));
        assertEquals(true, e.getMessage().startsWith("not a DER X.509 certificate"));
    }

    @Test
    void garbageCrl() {
        assertThrows(IllegalArgumentException.class, () -> CrlInfo.of(new byte[] {0x30, 0x00}));
    }

    @Test
    void garbagePem() {
        assertThrows(IllegalArgumentException.class,
                () -> PemBundle.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes()));
    }

    @Test
    void badParameters() {
        assertThrows(IllegalArgumentException.class, () -> new VerifyParams().setDepth(-1));
        assertThrows(IllegalArgumentException.class, () -> new VerifyParams().setIp(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> new VerifyParams().setPurpose(42));
    }

    @Test
    void messagesForUnknownCodes() {
        // OpenSSL's X509_verify_cert_error_string default branch
        assertEquals("unknown certificate verification error", VerifyError.messageOf(4242));
    }
}
