package dev.portcullis.crypto.internal.pkcs12;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;

/** {@link Pbkdf2}: the RFC 6070 and RFC 7914 test vectors, and agreement with the JDK's own PBKDF2. */
class Pbkdf2Test {
    @ParameterizedTest
    @CsvSource({
            "sha1, password, salt, 1, 20, 0c60c80f961f0e71f3a9b524af6012062fe037a6",
            "sha1, password, salt, 2, 20, ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
            "sha1, password, salt, 4096, 20, 4b007901b765489abead49d926f721d065a429c1",
            "sha1, passwordPASSWORDpassword, saltSALTsaltSALTsaltSALTsaltSALTsalt, 4096, 25,"
                    + " 3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038",
            "sha256, passwd, salt, 1, 64, 55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179"
                    + "b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"})
    void rfcVectors(String prf, String password, String salt, int iterations, int length, String hex) {
        assertEquals(hex, HexFormat.of().formatHex(Pbkdf2.derive(password.getBytes(StandardCharsets.US_ASCII),
                salt.getBytes(StandardCharsets.US_ASCII), iterations, length, Digests.byName(prf))));
    }

    @Test
    void agreesWithTheJdk() throws Exception {
        Random random = new Random(7);
        for (DigestAlgorithm prf : new DigestAlgorithm[] {Digests.SHA1, Digests.SHA224, Digests.SHA256,
                Digests.SHA384, Digests.SHA512}) {
            for (int passwordLength : new int[] {1, 9, 64, 65, 129, 200}) {
                char[] password = new char[passwordLength];
                for (int i = 0; i < password.length; i++) {
                    password[i] = (char) ('a' + random.nextInt(26));
                }
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                String name = "PBKDF2WithHmac" + prf.name().toUpperCase(java.util.Locale.ROOT);
                byte[] expected = SecretKeyFactory.getInstance(name)
                        .generateSecret(new PBEKeySpec(password, salt, 37, 8 * 70)).getEncoded();
                assertArrayEquals(expected, Pbkdf2.derive(new String(password).getBytes(StandardCharsets.US_ASCII),
                        salt, 37, 70, prf), name + " " + passwordLength);
            }
        }
    }
}
