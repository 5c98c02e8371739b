package dev.portcullis.crypto.internal;

import java.io.ByteArrayOutputStream;

/**
 * IP address literals as OpenSSL reads them, never with a DNS lookup. {@link #parse} is {@code a2i_IPADDRESS}
 * (what {@code X509_check_ip_asc}, {@code subjectAltName IP:} and name constraints use): a dotted IPv4 address
 * (4 bytes) or an IPv6 address with optional {@code ::} compression and a dotted IPv4 tail (16 bytes; an
 * IPv4-mapped address stays 16 bytes, so it does not match an IPv4 iPAddress SAN, as in OpenSSL).
 * {@link #parseWithMask} is {@code a2i_IPADDRESS_NC} for name constraints: {@code address/mask} where the mask is
 * written as an address of the same family ({@code 192.168.0.0/255.255.0.0}, not a prefix length).
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** The address bytes of {@code text}, or {@code null} when it is not an IP literal. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
    }

    /** Address followed by mask (8 or 32 bytes) for {@code address/mask}, or {@code null}. */
    public static byte[] parseWithMask(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        byte[] address = parse(text.substring(0, slash));
        byte[] mask = parse(text.substring(slash + 1));
        if (address == null || mask == null || address.length != mask.length) {
            return null;
        }
        byte[] out = new byte[address.length * 2];
        System.arraycopy(address, 0, out, 0, address.length);
        System.arraycopy(mask, 0, out, address.length, mask.length);
        return out;
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        if (gap < 0) {
            if (!groups(text, head, true)) {
                return null;
            }
        } else if (!groups(text.substring(0, gap), head, false) || !groups(text.substring(gap + 2), tail, true)) {
            return null;
        }
        int used = head.size() + tail.size();
        if (used > 16 || (gap < 0 && used != 16) || (gap >= 0 && used == 16)) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(head.toByteArray(), 0, out, 0, head.size());
        System.arraycopy(tail.toByteArray(), 0, out, 16 - tail.size(), tail.size());
        return out;
    }

    /** Colon-separated hex groups (the last may be dotted IPv4 when {@code last}); empty text is no groups. */
    private static boolean groups(String text, ByteArrayOutputStream out, boolean last) {
        if (text.isEmpty()) {
            return true;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (last && i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = ipv4(p);
                if (v4 == null) {
                    return false;
                }
                out.writeBytes(v4);
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            int v = Integer.parseInt(p, 16);
            out.write(v >> 8);
            out.write(v);
        }
        return true;
    }
}
