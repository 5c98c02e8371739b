package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.x509.Extension;

import dev.portcullis.crypto.CryptoException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary configuration text never escapes as anything but an extension or a CryptoException, and what parses prints. */
class ExtensionParserProperties {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("basicConstraints", "keyUsage", "extendedKeyUsage", "subjectAltName", "issuerAltName",
            "subjectKeyIdentifier", "authorityKeyIdentifier", "nameConstraints", "crlDistributionPoints",
            "authorityInfoAccess", "nsComment", "nsCertType", "policyConstraints", "inhibitAnyPolicy", "tlsfeature",
            "issuingDistributionPoint", "1.2.3.4", "bogus");
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> pieces = Arbitraries.of("CA:TRUE", "pathlen:", "DNS:", "IP:", "::", "1.2.3.4", "/", ";",
            ",", ":", "critical,", "DER:", "ASN1:", "UTF8:", "otherName:", "email:copy", "keyid:always", "permitted;",
            "0", "ff", " ", "digitalSignature", "@", "\u00e9", "\u0000");
        return pieces.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 500)
    void onlyCryptoExceptions(@ForAll("names") String name, @ForAll boolean critical, @ForAll("values") String value) {
        Extension ext;
        try {
            ext = ExtensionParser.parse(name, critical, value, null, null);
        } catch (CryptoException expected) {
            return;
        }
        try {
            ExtensionPrinter.pyOpenSslString(ext);
        } catch (CryptoException unprintable) {
            // OpenSSL also builds extensions it cannot print (empty lists, unknown OIDs)
        }
        ExtensionPrinter.appendEntry(new StringBuilder(), ext, 12);
    }
}
