package dev.portcullis.crypto.internal.text;

import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.OtherName;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * How OpenSSL 3.0 writes one GeneralName (RFC 5280 §4.2.1.6). It has two forms:
 * <ul>
 *   <li>{@link #toValue(GeneralName)}, OpenSSL's {@code i2v_GENERAL_NAME}, used by subjectAltName,
 *       issuerAltName, authorityKeyIdentifier and authorityInfoAccess: {@code DNS:a},
 *       {@code IP Address:127.0.0.1}, {@code DirName:/C=US/CN=x}, {@code othername: UPN::user@ad};
 *       a DNS name, e-mail or URI with an embedded NUL cannot be printed this way;</li>
 *   <li>{@link #print(GeneralName)}, OpenSSL's {@code GENERAL_NAME_print}, used by name constraints,
 *       CRL distribution points and pyOpenSSL's {@code str()} of subjectAltName:
 *       {@code DirName:C = US, CN = x}, {@code othername:UPN:user@ad}, non-printable bytes as dots.</li>
 * </ul>
 * IPv6 addresses are eight upper-case hex groups without zero compression ({@code 2001:DB8:0:0:0:0:0:1}).
 */
final class GeneralNameText {
    /** The otherName types OpenSSL prints by name, with the ASN.1 string tag each must carry. */
    private static final Map<String, String> KNOWN_OTHER_NAMES = Map.of(
        "1.3.6.1.5.5.7.8.9", "SmtpUTF8Mailbox",
        "1.3.6.1.5.5.7.8.5", "XmppAddr",
        "1.3.6.1.5.5.7.8.7", "SRVName",
        "1.3.6.1.4.1.311.20.2.3", "UPN",
        "1.3.6.1.5.5.7.8.8", "NAIRealm");
    private static final String SRV_NAME = "1.3.6.1.5.5.7.8.7";
    private static final int UTF8 = 12;
    private static final int IA5 = 22;

    private GeneralNameText() {
    }

    /** Thrown when OpenSSL's {@code i2v} form refuses a name (so the whole extension is unprintable). */
    static final class Unprintable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unprintable(String why) {
            super(why, null, false, false);
        }
    }

    /** {@code i2v_GENERAL_NAMES}. */
    static void addValues(List<ConfValue> out, GeneralName[] names) {
        for (GeneralName name : names) {
            out.add(toValue(name));
        }
    }

    /** {@code i2v_GENERAL_NAME}: the name as a {@code name:value} item. */
    static ConfValue toValue(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.otherName:
                return otherNameValue(OtherName.getInstance(name.getName()));
            case GeneralName.x400Address:
                return new ConfValue("X400Name", "<unsupported>");
            case GeneralName.ediPartyName:
                return new ConfValue("EdiPartyName", "<unsupported>");
            case GeneralName.rfc822Name:
                return lengthChecked("email", RawString.of(name.getName()));
            case GeneralName.dNSName:
                return lengthChecked("DNS", RawString.of(name.getName()));
            case GeneralName.uniformResourceIdentifier:
                return lengthChecked("URI", RawString.of(name.getName()));
            case GeneralName.directoryName:
                return new ConfValue("DirName", NameText.oneline(X500Name.getInstance(name.getName()), 256));
            case GeneralName.iPAddress:
                return new ConfValue("IP Address", ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets()));
            case GeneralName.registeredID:
                return new ConfValue("Registered ID", ObjectNames.text(ASN1ObjectIdentifier.getInstance(name.getName())));
            default:
                throw new Unprintable("unknown GeneralName tag " + name.getTagNo());
        }
    }

    /** {@code GENERAL_NAME_print}. */
    static String print(GeneralName name) {
        switch (name.getTagNo()) {
            case GeneralName.otherName:
                return otherNamePrint(OtherName.getInstance(name.getName()));
            case GeneralName.x400Address:
                return "X400Name:<unsupported>";
            case GeneralName.ediPartyName:
                return "EdiPartyName:<unsupported>";
            case GeneralName.rfc822Name:
                return "email:" + RawString.of(name.getName()).dotted();
            case GeneralName.dNSName:
                return "DNS:" + RawString.of(name.getName()).dotted();
            case GeneralName.uniformResourceIdentifier:
                return "URI:" + RawString.of(name.getName()).dotted();
            case GeneralName.directoryName:
                return "DirName:" + NameText.print(X500Name.getInstance(name.getName()));
            case GeneralName.iPAddress:
                return "IP Address:" + ipAddress(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.registeredID:
                return "Registered ID:" + ObjectNames.text(ASN1ObjectIdentifier.getInstance(name.getName()));
            default:
                throw new Unprintable("unknown GeneralName tag " + name.getTagNo());
        }
    }

    /** {@code ossl_ipaddr_to_asc}: dotted quad, eight hex groups, or {@code <invalid length=N>}. */
    static String ipAddress(byte[] ip) {
        if (ip.length == 4) {
            return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
        }
        if (ip.length == 16) {
            StringBuilder out = new StringBuilder(40);
            for (int i = 0; i < 16; i += 2) {
                if (i > 0) {
                    out.append(':');
                }
                out.append(Integer.toHexString(((ip[i] & 0xff) << 8) | (ip[i + 1] & 0xff)).toUpperCase(java.util.Locale.ROOT));
            }
            return out.toString();
        }
        return "<invalid length=" + ip.length + ">";
    }

    private static ConfValue otherNameValue(OtherName other) {
        String oid = other.getTypeID().getId();
        RawString value = RawString.of(other.getValue());
        String known = KNOWN_OTHER_NAMES.get(oid);
        if (known != null) {
            int expected = SRV_NAME.equals(oid) ? IA5 : UTF8;
            if (value.tag() != expected) {
                throw new Unprintable("othername " + known + " of the wrong string type");
            }
            return lengthChecked("othername: " + known + ":", value);
        }
        String label = "othername: " + ObjectNames.text(other.getTypeID()) + ":";
        if (value.tag() == IA5 || value.tag() == UTF8) {
            return lengthChecked(label, value);
        }
        return new ConfValue(label, "<unsupported>");
    }

    private static String otherNamePrint(OtherName other) {
        String oid = other.getTypeID().getId();
        RawString value = RawString.of(other.getValue());
        int expected = SRV_NAME.equals(oid) ? IA5 : UTF8;
        String known = KNOWN_OTHER_NAMES.get(oid);
        if (value.tag() != expected || known == null) {
            return "othername:<unsupported>";
        }
        return "othername:" + known + ":" + value.cString();
    }

    /** {@code x509v3_add_len_value} in OpenSSL 3.0: a value containing any NUL byte cannot be printed. */
    private static ConfValue lengthChecked(String label, RawString value) {
        for (byte b : value.content()) {
            if (b == 0) {
                throw new Unprintable(label + " value with a NUL byte");
            }
        }
        return new ConfValue(label, value.utf8());
    }
}
