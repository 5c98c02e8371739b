package dev.portcullis.crypto.internal.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * OpenSSL's {@code X509_check_host}, {@code X509_check_email} and {@code X509_check_ip} (v3_utl.c).
 *
 * <p>Host names (RFC 6125 as OpenSSL applies it) are compared case-insensitively in ASCII; IDNA names must be
 * given as A-labels ({@code xn--…}) and are compared as ASCII. A wildcard is honoured only as the whole or an end
 * of the left-most label of a pattern with at least two further labels, never in an A-label, and matches exactly
 * one label; {@link #NO_PARTIAL_WILDCARDS} also refuses {@code f*.example.com}. A reference name starting with a
 * dot ({@code .example.com}) matches any subdomain. DNS subjectAltNames are used when present; the subject
 * commonName is consulted only when there is no DNS SAN (or always with {@link #ALWAYS_CHECK_SUBJECT}), never with
 * {@link #NEVER_CHECK_SUBJECT}. E-mail addresses compare the local part exactly and the domain without case, with
 * the subject's emailAddress as fallback; IP addresses compare the iPAddress SAN octets only.
 */
public final class IdentityMatcher {
    /** {@code X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT}: also look at the subject CN when DNS SANs exist. */
    public static final int ALWAYS_CHECK_SUBJECT = 0x1;
    /** {@code X509_CHECK_FLAG_NO_WILDCARDS}: wildcards in certificates match nothing. */
    public static final int NO_WILDCARDS = 0x2;
    /** {@code X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS}: only whole-label wildcards ({@code *.example.com}). */
    public static final int NO_PARTIAL_WILDCARDS = 0x4;
    /** {@code X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS}: a whole-label wildcard may match several labels. */
    public static final int MULTI_LABEL_WILDCARDS = 0x8;
    /** {@code X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS}: {@code .example.com} matches one extra label only. */
    public static final int SINGLE_LABEL_SUBDOMAINS = 0x10;
    /** {@code X509_CHECK_FLAG_NEVER_CHECK_SUBJECT}: never fall back to the subject CN. */
    public static final int NEVER_CHECK_SUBJECT = 0x20;
    private static final int DOT_SUBDOMAINS = 0x8000;

    private static final ASN1ObjectIdentifier EMAIL_ADDRESS = BCStyle.EmailAddress;

    private IdentityMatcher() {
    }

    private interface Equal {
        boolean test(byte[] pattern, byte[] subject, int flags);
    }

    /** {@code X509_check_host}: whether the certificate is valid for host name {@code host}. */
    public static boolean matchesHost(CertInfo cert, String host, int flags) {
        if (host == null || host.isEmpty() || host.indexOf('\0') >= 0) {
            return false;
        }
        byte[] chk = host.getBytes(StandardCharsets.UTF_8);
        if (chk.length > 1 && chk[0] == '.') {
            flags |= DOT_SUBDOMAINS;
        }
        Equal eq = (flags & NO_WILDCARDS) != 0 ? IdentityMatcher::equalNocase : IdentityMatcher::equalWildcard;
        return check(cert, chk, flags, GeneralName.dNSName, BCStyle.CN, eq);
    }

    /** {@code X509_check_email}: whether the certificate carries e-mail address {@code email}. */
    public static boolean matchesEmail(CertInfo cert, String email, int flags) {
        if (email == null || email.isEmpty() || email.indexOf('\0') >= 0) {
            return false;
        }
        return check(cert, email.getBytes(StandardCharsets.UTF_8), flags, GeneralName.rfc822Name, EMAIL_ADDRESS,
                (a, b, f) -> equalEmail(a, b));
    }

    /** {@code X509_check_ip}: whether the certificate carries IP address {@code address} (4 or 16 bytes). */
    public static boolean matchesIp(CertInfo cert, byte[] address) {
        if (address == null || cert.altNames == null) {
            return false;
        }
        for (GeneralName n : cert.altNames.getNames()) {
            if (n.getTagNo() == GeneralName.iPAddress
                    && Arrays.equals(ASN1OctetString.getInstance(n.getName()).getOctets(), address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(CertInfo cert, byte[] chk, int flags, int sanType, ASN1ObjectIdentifier cnType, Equal eq) {
        boolean sanPresent = false;
        if (cert.altNames != null) {
            for (GeneralName n : cert.altNames.getNames()) {
                if (n.getTagNo() != sanType) {
                    continue;
                }
                sanPresent = true;
                ASN1Encodable v = n.getName();
                if (v instanceof ASN1IA5String s) {
                    byte[] bytes = s.getOctets();
                    if (bytes.length > 0 && eq.test(bytes, chk, flags)) {
                        return true;
                    }
                }
            }
            if (sanPresent && (flags & ALWAYS_CHECK_SUBJECT) == 0) {
                return false;
            }
        }
        if ((flags & NEVER_CHECK_SUBJECT) != 0) {
            return false;
        }
        for (RDN rdn : cert.cert.getSubject().getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(cnType)) {
                    byte[] value = utf8(atv.getValue());
                    if (value != null && value.length > 0 && eq.test(value, chk, flags)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static byte[] utf8(ASN1Encodable value) {
        if (value instanceof ASN1UniversalString) {
            return null;
        }
        if (value instanceof ASN1String s) {
            return s.getString().getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** OpenSSL's {@code skip_prefix}: with a ".domain" reference, compare only the pattern's matching suffix. */
    private static int skipPrefix(byte[] pattern, int subjectLength, int flags) {
        if ((flags & DOT_SUBDOMAINS) == 0) {
            return 0;
        }
        int start = 0;
        while (pattern.length - start > subjectLength && pattern[start] != 0) {
            if ((flags & SINGLE_LABEL_SUBDOMAINS) != 0 && pattern[start] == '.') {
                break;
            }
            start++;
        }
        return pattern.length - start == subjectLength ? start : 0;
    }

    static boolean equalNocase(byte[] pattern, byte[] subject, int flags) {
        int from = skipPrefix(pattern, subject.length, flags);
        return equalNocase(pattern, from, pattern.length - from, subject, 0, subject.length);
    }

    private static boolean equalNocase(byte[] p, int pOff, int pLen, byte[] s, int sOff, int sLen) {
        if (pLen != sLen) {
            return false;
        }
        for (int i = 0; i < pLen; i++) {
            int l = p[pOff + i] & 0xff;
            int r = s[sOff + i] & 0xff;
            if (l == 0) {
                return false;
            }
            if (l != r && lower(l) != lower(r)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static boolean equalCase(byte[] p, int pLen, byte[] s, int sLen) {
        if (pLen != sLen) {
            return false;
        }
        for (int i = 0; i < pLen; i++) {
            if (p[i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalEmail(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int i = a.length;
        while (i > 0) {
            --i;
            if (a[i] == '@' || b[i] == '@') {
                if (!equalNocase(a, i, a.length - i, b, i, a.length - i)) {
                    return false;
                }
                break;
            }
        }
        if (i == 0) {
            i = a.length;
        }
        return equalCase(a, i, b, i);
    }

    static boolean equalWildcard(byte[] pattern, byte[] subject, int flags) {
        int star = -1;
        if (!(subject.length > 1 && subject[0] == '.')) {
            star = validStar(pattern, flags);
        }
        if (star < 0) {
            return equalNocase(pattern, subject, flags);
        }
        return wildcardMatch(pattern, star, subject, flags);
    }

    private static final int LABEL_START = 1;
    private static final int LABEL_IDNA = 2;
    private static final int LABEL_HYPHEN = 4;

    /** {@code valid_star}: the index of the one acceptable '*' of a pattern, or -1. */
    private static int validStar(byte[] p, int flags) {
        int star = -1;
        int state = LABEL_START;
        int dots = 0;
        for (int i = 0; i < p.length; i++) {
            int c = p[i] & 0xff;
            if (c == '*') {
                boolean atStart = (state & LABEL_START) != 0;
                boolean atEnd = i == p.length - 1 || p[i + 1] == '.';
                if (star >= 0 || (state & LABEL_IDNA) != 0 || dots > 0) {
                    return -1;
                }
                if ((flags & NO_PARTIAL_WILDCARDS) != 0 && (!atStart || !atEnd)) {
                    return -1;
                }
                if (!atStart && !atEnd) {
                    return -1;
                }
                star = i;
                state &= ~LABEL_START;
            } else if (isAlnum(c)) {
                if ((state & LABEL_START) != 0 && p.length - i >= 4 && startsWithXn(p, i)) {
                    state |= LABEL_IDNA;
                }
                state &= ~(LABEL_HYPHEN | LABEL_START);
            } else if (c == '.') {
                if ((state & (LABEL_HYPHEN | LABEL_START)) != 0) {
                    return -1;
                }
                state = LABEL_START;
                ++dots;
            } else if (c == '-') {
                if ((state & LABEL_START) != 0) {
                    return -1;
                }
                state |= LABEL_HYPHEN;
            } else {
                return -1;
            }
        }
        if ((state & (LABEL_START | LABEL_HYPHEN)) != 0 || dots < 2) {
            return -1;
        }
        return star;
    }

    private static boolean wildcardMatch(byte[] pattern, int star, byte[] subject, int flags) {
        int prefixLen = star;
        int suffixStart = star + 1;
        int suffixLen = pattern.length - suffixStart;
        if (subject.length < prefixLen + suffixLen) {
            return false;
        }
        if (!equalNocase(pattern, 0, prefixLen, subject, 0, prefixLen)) {
            return false;
        }
        int wildStart = prefixLen;
        int wildEnd = subject.length - suffixLen;
        if (!equalNocase(subject, wildEnd, suffixLen, pattern, suffixStart, suffixLen)) {
            return false;
        }
        boolean allowIdna = false;
        boolean allowMulti = false;
        if (prefixLen == 0 && suffixLen > 0 && pattern[suffixStart] == '.') {
            if (wildStart == wildEnd) {
                return false;
            }
            allowIdna = true;
            allowMulti = (flags & MULTI_LABEL_WILDCARDS) != 0;
        }
        if (!allowIdna && subject.length >= 4 && startsWithXn(subject, 0)) {
            return false;
        }
        if (wildEnd == wildStart + 1 && subject[wildStart] == '*') {
            return true;
        }
        for (int i = wildStart; i < wildEnd; i++) {
            int c = subject[i] & 0xff;
            if (!(isAlnum(c) || c == '-' || (allowMulti && c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean startsWithXn(byte[] b, int at) {
        return lower(b[at] & 0xff) == 'x' && lower(b[at + 1] & 0xff) == 'n' && b[at + 2] == '-' && b[at + 3] == '-';
    }
}
