package dev.portcullis.crypto.internal.verify;

/**
 * OpenSSL's {@code a2i_ipadd}: a textual IPv4 ({@code 192.0.2.7}, 4 bytes) or IPv6 address ({@code 2001:db8::7},
 * {@code ::ffff:192.0.2.7}, always 16 bytes — an IPv4-mapped address is not turned into 4 bytes, so it does not match
 * an IPv4 iPAddress SAN, as in OpenSSL). Never a DNS lookup.
 */
public final class IpLiteral {
    private IpLiteral() {
    }

    /** The address bytes, or {@code null} when {@code text} is not an IP literal. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
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
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        byte[] front = groups(head, gap < 0);
        byte[] back = groups(tail, true);
        if (front == null || back == null) {
            return null;
        }
        int total = front.length + back.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(front, 0, out, 0, front.length);
        System.arraycopy(back, 0, out, 16 - back.length, back.length);
        return out;
    }

    /** Colon-separated hex groups, the last of which may be a dotted IPv4 address when {@code v4Allowed}. */
    private static byte[] groups(String s, boolean v4Allowed) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] parts = s.split(":", -1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && v4Allowed && p.indexOf('.') >= 0) {
                byte[] v4 = ipv4(p);
                if (v4 == null) {
                    return null;
                }
                out.writeBytes(v4);
                continue;
            }
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            int v = Integer.parseInt(p, 16);
            out.write(v >> 8);
            out.write(v & 0xff);
        }
        return out.toByteArray();
    }
}
