package dev.portcullis.crypto.internal.pki;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.GeneralName;

import dev.portcullis.crypto.internal.IpAddresses;

/**
 * Turns the strings people write into typed X.509 GeneralNames (RFC 5280 §4.2.1.6): {@code 127.0.0.1} and
 * {@code ::1} become IP addresses, {@code mailto:a@b} and {@code a@b} e-mail addresses, {@code spiffe://x/y} and
 * {@code https://h/p} URIs, and everything else a DNS name (with an optional leading {@code *.} wildcard label).
 * Subtrees for name constraints add CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}) and {@code .example.com}.
 */
public final class TypedNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");

    private TypedNames() {
    }

    /** The GeneralName {@code value} denotes, typed by its shape. */
    public static GeneralName subjectAltName(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("subject alternative name must not be empty");
        }
        String v = value.strip();
        if (isIpLiteral(v)) {
            return new GeneralName(GeneralName.iPAddress, new DEROctetString(ipBytes(v)));
        }
        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
            return email(v.substring(7));
        }
        if (v.contains("@") && !v.contains("/")) {
            return email(v);
        }
        if (SCHEME.matcher(v).matches()) {
            return uri(v);
        }
        return new GeneralName(GeneralName.dNSName, dnsName(v, true));
    }

    /**
     * A name-constraint subtree base (RFC 5280 §4.2.1.10): an IP block in CIDR form, an e-mail address, mailbox
     * domain ({@code @example.com}), a URI host ({@code uri:.example.com}) or a DNS domain ({@code example.com},
     * {@code .example.com}).
     */
    public static GeneralName subtree(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("name constraint must not be empty");
        }
        String v = value.strip();
        int slash = v.indexOf('/');
        if (slash > 0 && isIpLiteral(v.substring(0, slash))) {
            return new GeneralName(GeneralName.iPAddress, new DEROctetString(cidr(v, slash)));
        }
        if (v.regionMatches(true, 0, "uri:", 0, 4)) {
            return new GeneralName(GeneralName.uniformResourceIdentifier, v.substring(4));
        }
        if (v.startsWith("@")) {
            return new GeneralName(GeneralName.rfc822Name, dnsName(v.substring(1), false));
        }
        if (v.contains("@")) {
            return email(v);
        }
        String domain = v.startsWith(".") ? v.substring(1) : v;
        String ascii = dnsName(domain, false);
        return new GeneralName(GeneralName.dNSName, v.startsWith(".") ? "." + ascii : ascii);
    }

    private static GeneralName email(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an e-mail address: '" + address + "'");
        }
        return new GeneralName(GeneralName.rfc822Name,
                address.substring(0, at + 1) + dnsName(address.substring(at + 1), false));
    }

    private static GeneralName uri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("URI has no scheme: '" + value + "'");
            }
            return new GeneralName(GeneralName.uniformResourceIdentifier, uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: '" + value + "': " + e.getReason(), e);
        }
    }

    /** A DNS name in its ASCII (A-label) form, checked label by label; {@code *.} allowed in front if asked. */
    static String dnsName(String name, boolean wildcardAllowed) {
        String rest = name;
        String prefix = "";
        if (wildcardAllowed && rest.startsWith("*.")) {
            prefix = "*.";
            rest = rest.substring(2);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(rest, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a DNS name: '" + name + "': " + e.getMessage(), e);
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw new IllegalArgumentException("not a DNS name: '" + name + "'");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("not a DNS name: '" + name + "' (bad label '" + label + "'"
                        + (label.contains("*") ? "; a wildcard may only be the whole left-most label" : "") + ")");
            }
        }
        return prefix + ascii;
    }

    static boolean isIpLiteral(String v) {
        return IPV4.matcher(v).matches() || (v.indexOf(':') >= 0 && !v.contains("/") && v.matches("[0-9A-Fa-f:.]+"));
    }

    static byte[] ipBytes(String literal) {
        byte[] address = IpAddresses.parse(literal);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address: '" + literal + "'");
        }
        return address;
    }

    private static byte[] cidr(String value, int slash) {
        byte[] address = ipBytes(value.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: '" + value + "'", e);
        }
        int bits = address.length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("CIDR prefix out of range in '" + value + "'");
        }
        byte[] out = new byte[address.length * 2];
        for (int i = 0; i < address.length; i++) {
            int maskBits = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = maskBits == 0 ? 0 : (0xff << (8 - maskBits)) & 0xff;
            out[i] = (byte) (address[i] & mask);
            out[address.length + i] = (byte) mask;
        }
        return out;
    }
}
