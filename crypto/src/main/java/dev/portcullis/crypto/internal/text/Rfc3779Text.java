package dev.portcullis.crypto.internal.text;

import java.util.Map;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * RFC 3779 resource extensions (RPKI), as OpenSSL 3.0 prints them: sbgp-ipAddrBlock (one heading per
 * address family, {@code IPv4:} / {@code IPv6 (Unicast):}, then prefixes {@code 10.0.0.0/8} and ranges
 * {@code 192.168.1.0-192.168.2.255} indented by two, or {@code : inherit}) and sbgp-autonomousSysNum
 * ({@code Autonomous System Numbers:} / {@code Routing Domain Identifiers:} with ids, ranges or {@code inherit}).
 */
final class Rfc3779Text {
    private static final Map<Integer, String> SAFI = Map.of(1, "Unicast", 2, "Multicast", 3, "Unicast/Multicast",
        4, "MPLS", 64, "Tunnel", 65, "VPLS", 66, "BGP MDT", 128, "MPLS-labeled VPN");

    private Rfc3779Text() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("1.3.6.1.5.5.7.1.7", Rfc3779Text::addressBlocks);
        printers.put("1.3.6.1.5.5.7.1.8", Rfc3779Text::asIdentifiers);
    }

    private static void addressBlocks(StringBuilder out, ASN1Primitive value, int indent) {
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            ASN1Sequence family = ASN1Sequence.getInstance(e);
            byte[] af = ASN1OctetString.getInstance(family.getObjectAt(0)).getOctets();
            int afi = af.length >= 2 ? ((af[0] & 0xff) << 8) | (af[1] & 0xff) : 0;
            Indent.spaces(out, indent).append(afi == 1 ? "IPv4" : afi == 2 ? "IPv6" : "Unknown AFI " + afi);
            if (af.length > 2) {
                int safi = af[2] & 0xff;
                out.append(" (").append(SAFI.getOrDefault(safi, "Unknown SAFI " + safi)).append(')');
            }
            ASN1Encodable choice = family.getObjectAt(1);
            if (choice instanceof ASN1Null) {
                out.append(": inherit\n");
                continue;
            }
            out.append(":\n");
            for (ASN1Encodable aor : ASN1Sequence.getInstance(choice)) {
                Indent.spaces(out, indent + 2);
                if (aor instanceof ASN1BitString) {
                    ASN1BitString prefix = (ASN1BitString) aor;
                    out.append(address(afi, prefix, 0x00)).append('/')
                        .append(prefix.getBytes().length * 8 - prefix.getPadBits()).append('\n');
                } else {
                    ASN1Sequence range = ASN1Sequence.getInstance(aor);
                    out.append(address(afi, ASN1BitString.getInstance(range.getObjectAt(0)), 0x00)).append('-')
                        .append(address(afi, ASN1BitString.getInstance(range.getObjectAt(1)), 0xff)).append('\n');
                }
            }
        }
    }

    /** {@code i2r_address}: the bit string expanded to a full address, unused bits and bytes set to {@code fill}. */
    private static String address(int afi, ASN1BitString bits, int fill) {
        byte[] data = bits.getBytes();
        int length = afi == 1 ? 4 : afi == 2 ? 16 : -1;
        if (length < 0) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < data.length; i++) {
                s.append(i > 0 ? ":" : "");
                Hex.appendLower(s, data[i]);
            }
            return s.append('[').append(bits.getPadBits()).append(']').toString();
        }
        if (data.length > length) {
            throw new IllegalArgumentException("address longer than its family allows");
        }
        byte[] addr = new byte[length];
        java.util.Arrays.fill(addr, (byte) fill);
        System.arraycopy(data, 0, addr, 0, data.length);
        if (data.length > 0 && bits.getPadBits() != 0) {
            int mask = 0xff >> (8 - bits.getPadBits());
            addr[data.length - 1] = (byte) (fill == 0 ? (addr[data.length - 1] & ~mask) : (addr[data.length - 1] | mask));
        }
        return afi == 1 ? (addr[0] & 0xff) + "." + (addr[1] & 0xff) + "." + (addr[2] & 0xff) + "." + (addr[3] & 0xff)
            : ipv6(addr);
    }

    /** OpenSSL's RFC 3779 IPv6 form: lower-case groups, trailing zero groups collapsed to {@code ::}. */
    private static String ipv6(byte[] addr) {
        int n = 16;
        while (n > 1 && addr[n - 1] == 0 && addr[n - 2] == 0) {
            n -= 2;
        }
        StringBuilder s = new StringBuilder();
        int i;
        for (i = 0; i < n; i += 2) {
            s.append(Integer.toHexString(((addr[i] & 0xff) << 8) | (addr[i + 1] & 0xff))).append(i < 14 ? ":" : "");
        }
        if (i < 16) {
            s.append(':');
        }
        if (i == 0) {
            s.append(':');
        }
        return s.toString();
    }

    private static void asIdentifiers(StringBuilder out, ASN1Primitive value, int indent) {
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(e);
            String title = tagged.getTagNo() == 0 ? "Autonomous System Numbers" : "Routing Domain Identifiers";
            Indent.spaces(out, indent).append(title).append(":\n");
            ASN1Primitive choice = tagged.getExplicitBaseObject().toASN1Primitive();
            if (choice instanceof ASN1Null) {
                Indent.spaces(out, indent + 2).append("inherit\n");
                continue;
            }
            for (ASN1Encodable id : ASN1Sequence.getInstance(choice)) {
                Indent.spaces(out, indent + 2);
                if (id instanceof ASN1Integer) {
                    out.append(ValueText.integer(((ASN1Integer) id).getValue())).append('\n');
                } else {
                    ASN1Sequence range = ASN1Sequence.getInstance(id);
                    out.append(ValueText.integer(ASN1Integer.getInstance(range.getObjectAt(0)).getValue())).append('-')
                        .append(ValueText.integer(ASN1Integer.getInstance(range.getObjectAt(1)).getValue())).append('\n');
                }
            }
        }
    }
}
