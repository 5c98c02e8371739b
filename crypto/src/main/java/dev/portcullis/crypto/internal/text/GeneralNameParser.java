package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.GeneralName;

import dev.portcullis.crypto.internal.IpAddresses;
import dev.portcullis.crypto.internal.ObjectNames;

/**
 * OpenSSL's {@code v2i_GENERAL_NAME}: one {@code type:value} item of a configuration string as a
 * GeneralName. Types (case-sensitive; {@code DNS.1} style suffixes allowed): {@code email}, {@code URI},
 * {@code DNS}, {@code RID} (an OID or object name), {@code IP} (IPv4 or IPv6; {@code address/mask} in name
 * constraints), {@code otherName} ({@code OID;TYPE:value} in the {@code ASN1:} syntax). {@code dirName}
 * needs a configuration section, which pyOpenSSL never has, so it fails as there, except for Portcullis's
 * inline form {@code dirName:/C=US/CN=x} (see {@link InlineNameParser}).
 */
final class GeneralNameParser {
    private GeneralNameParser() {
    }

    static GeneralName parse(ConfValue item, boolean nameConstraint) {
        String type = item.name();
        String value = item.value();
        if (type == null) {
            throw V3Error.of("missing value");
        }
        if (is(type, "email")) {
            return ia5(GeneralName.rfc822Name, value);
        } else if (is(type, "URI")) {
            return ia5(GeneralName.uniformResourceIdentifier, value);
        } else if (is(type, "DNS")) {
            return ia5(GeneralName.dNSName, value);
        } else if (is(type, "RID")) {
            requireValue(value);
            ASN1ObjectIdentifier oid = ObjectNames.parse(value).orElseThrow(() -> V3Error.badObject(value, "bad object"));
            return new GeneralName(GeneralName.registeredID, oid);
        } else if (is(type, "IP")) {
            requireValue(value);
            byte[] ip = nameConstraint ? IpAddresses.parseWithMask(value) : IpAddresses.parse(value);
            if (ip == null) {
                throw V3Error.of("bad ip address");
            }
            return new GeneralName(GeneralName.iPAddress, new DEROctetString(ip));
        } else if (is(type, "dirName")) {
            if (InlineNameParser.isInline(value)) {
                return new GeneralName(InlineNameParser.parse(value));
            }
            throw V3Error.of("operation not defined", "section not found", "dirname error");
        } else if (is(type, "otherName")) {
            requireValue(value);
            return otherName(value);
        }
        throw V3Error.of("unsupported option");
    }

    /** {@code ossl_v3_name_cmp}: exact match, or the name followed by {@code .} and anything. */
    static boolean is(String name, String expected) {
        return name.equals(expected) || (name.startsWith(expected) && name.charAt(expected.length()) == '.');
    }

    private static void requireValue(String value) {
        if (value == null) {
            throw V3Error.of("missing value");
        }
    }

    private static GeneralName ia5(int tag, String value) {
        requireValue(value);
        return new GeneralName(tag, new DERIA5String(value, false));
    }

    private static GeneralName otherName(String value) {
        int semi = value.indexOf(';');
        if (semi < 0) {
            throw V3Error.of("othername error");
        }
        ASN1ObjectIdentifier oid = ObjectNames.parse(value.substring(0, semi)).orElseThrow(() ->
            V3Error.of("othername error"));
        var inner = Asn1Generator.generate(value.substring(semi + 1));
        return new GeneralName(GeneralName.otherName,
            new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {oid, new DERTaggedObject(true, 0, inner)}));
    }
}
