package dev.portcullis.crypto.internal.verify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * OpenSSL 3.0's {@code check_name_constraints} with {@code NAME_CONSTRAINTS_check} (v3_ncons.c): every certificate
 * that is not a self-issued intermediate is checked against the name constraints of every certificate above it.
 * Its subject (as a directoryName), subject emailAddress attributes and subjectAltNames are matched; DNS constraints
 * also apply to a leaf's host-like subject CNs when it has no DNS SAN. A permitted subtree of a name's type must
 * match (47), no excluded subtree may (48); minimum/maximum (49) and other name types (51) are refused.
 */
final class NameConstraintChecks {
    private static final int OK = 0;
    private static final int PERMITTED = VerifyError.PERMITTED_VIOLATION.code();
    private static final int EXCLUDED = VerifyError.EXCLUDED_VIOLATION.code();
    private static final int NAME_SYNTAX = VerifyError.UNSUPPORTED_NAME_SYNTAX.code();
    private static final long NAME_CHECK_MAX = 1L << 20;

    private NameConstraintChecks() {
    }

    static boolean check(VerifyContext ctx) {
        List<CertInfo> chain = ctx.chain;
        for (int i = chain.size() - 1; i >= 0; i--) {
            CertInfo x = chain.get(i);
            if (i != 0 && x.selfIssued) {
                continue;
            }
            for (int j = chain.size() - 1; j > i; j--) {
                NameConstraints nc = chain.get(j).nameConstraints;
                if (nc == null) {
                    continue;
                }
                int rv = checkCert(x, nc);
                int hostFlags = ctx.params.hostFlags;
                if (rv == OK && i == 0 && (hostFlags & IdentityMatcher.NEVER_CHECK_SUBJECT) == 0
                        && ((hostFlags & IdentityMatcher.ALWAYS_CHECK_SUBJECT) != 0 || !hasDnsSan(x))) {
                    rv = checkCommonNames(x, nc);
                }
                if (rv != OK && !ctx.fail(x, i, rv)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasDnsSan(CertInfo x) {
        if (x.altNames != null) {
            for (GeneralName n : x.altNames.getNames()) {
                if (n.getTagNo() == GeneralName.dNSName) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code NAME_CONSTRAINTS_check}. */
    static int checkCert(CertInfo x, NameConstraints nc) {
        long names = x.subject.entryCount() + (x.altNames == null ? 0 : x.altNames.getNames().length);
        long constraints = length(nc.getPermittedSubtrees()) + length(nc.getExcludedSubtrees());
        if (names > 0 && constraints > NAME_CHECK_MAX / names) {
            return VerifyError.UNSPECIFIED.code();
        }
        if (!x.subject.isEmpty()) {
            int r = match(new GeneralName(x.cert.getSubject()), nc);
            if (r != OK) {
                return r;
            }
            for (RDN rdn : x.cert.getSubject().getRDNs()) {
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    if (!atv.getType().equals(BCStyle.EmailAddress)) {
                        continue;
                    }
                    if (!(atv.getValue() instanceof ASN1IA5String)) {
                        return NAME_SYNTAX;
                    }
                    r = match(new GeneralName(GeneralName.rfc822Name, atv.getValue()), nc);
                    if (r != OK) {
                        return r;
                    }
                }
            }
        }
        if (x.altNames != null) {
            for (GeneralName g : x.altNames.getNames()) {
                int r = match(g, nc);
                if (r != OK) {
                    return r;
                }
            }
        }
        return OK;
    }

    /** {@code NAME_CONSTRAINTS_check_CN}: host-like subject CNs are treated as DNS names. */
    static int checkCommonNames(CertInfo x, NameConstraints nc) {
        for (RDN rdn : x.cert.getSubject().getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (!atv.getType().equals(BCStyle.CN)) {
                    continue;
                }
                byte[] value = IdentityMatcher.utf8(atv.getValue());
                if (value == null) {
                    continue;
                }
                for (byte b : value) {
                    if (b == 0) {
                        return NAME_SYNTAX;
                    }
                }
                if (!looksLikeHostname(value)) {
                    continue;
                }
                int r = match(new GeneralName(GeneralName.dNSName, new String(value, StandardCharsets.ISO_8859_1)), nc);
                if (r != OK) {
                    return r;
                }
            }
        }
        return OK;
    }

    /** {@code cn2dnsid}: letters, digits, '_' and inner '-'/'.', with at least one well-placed dot. */
    private static boolean looksLikeHostname(byte[] v) {
        boolean dns = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i] & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                continue;
            }
            if (i > 0 && i < v.length - 1) {
                if (c == '-') {
                    continue;
                }
                if (c == '.' && v[i + 1] != '.' && v[i - 1] != '-' && v[i + 1] != '-') {
                    dns = true;
                    continue;
                }
            }
            return false;
        }
        return dns;
    }

    private static int length(GeneralSubtree[] s) {
        return s == null ? 0 : s.length;
    }

    /** {@code nc_match}: permitted subtrees of the name's type must match one; excluded must match none. */
    private static int match(GeneralName gen, NameConstraints nc) {
        int type = gen.getTagNo();
        int match = 0;
        GeneralSubtree[] permitted = nc.getPermittedSubtrees();
        if (permitted != null) {
            for (GeneralSubtree sub : permitted) {
                if (sub.getBase().getTagNo() != type) {
                    continue;
                }
                if (!minMaxValid(sub)) {
                    return VerifyError.SUBTREE_MINMAX.code();
                }
                if (match == 2) {
                    continue;
                }
                match = 1;
                int r = matchSingle(type, gen, sub.getBase());
                if (r == OK) {
                    match = 2;
                } else if (r != PERMITTED) {
                    return r;
                }
            }
        }
        if (match == 1) {
            return PERMITTED;
        }
        GeneralSubtree[] excluded = nc.getExcludedSubtrees();
        if (excluded != null) {
            for (GeneralSubtree sub : excluded) {
                if (sub.getBase().getTagNo() != type) {
                    continue;
                }
                if (!minMaxValid(sub)) {
                    return VerifyError.SUBTREE_MINMAX.code();
                }
                int r = matchSingle(type, gen, sub.getBase());
                if (r == OK) {
                    return EXCLUDED;
                } else if (r != PERMITTED) {
                    return r;
                }
            }
        }
        return OK;
    }

    private static boolean minMaxValid(GeneralSubtree sub) {
        return sub.getMaximum() == null && (sub.getMinimum() == null || sub.getMinimum().signum() == 0);
    }

    private static int matchSingle(int type, GeneralName gen, GeneralName base) {
        switch (type) {
            case GeneralName.directoryName:
                return CanonicalName.of(X500Name.getInstance(base.getName()))
                        .isPrefixOf(CanonicalName.of(X500Name.getInstance(gen.getName()))) ? OK : PERMITTED;
            case GeneralName.dNSName:
                return dns(ia5(gen), ia5(base));
            case GeneralName.rfc822Name:
                return email(ia5(gen), ia5(base));
            case GeneralName.uniformResourceIdentifier:
                return uri(ia5(gen), ia5(base));
            case GeneralName.iPAddress:
                return ip(ASN1OctetString.getInstance(gen.getName()).getOctets(),
                        ASN1OctetString.getInstance(base.getName()).getOctets());
            default:
                return VerifyError.UNSUPPORTED_CONSTRAINT_TYPE.code();
        }
    }

    private static String ia5(GeneralName g) {
        return ((ASN1IA5String) g.getName()).getString();
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    private static int dns(String dns, String base) {
        if (base.isEmpty()) {
            return OK;
        }
        if (dns.length() < base.length()) {
            return PERMITTED;
        }
        if (dns.length() > base.length() && base.charAt(0) != '.'
                && dns.charAt(dns.length() - base.length() - 1) != '.') {
            return PERMITTED;
        }
        return endsWithIgnoreCase(dns, base) ? OK : PERMITTED;
    }

    private static int email(String eml, String base) {
        int baseAt = base.lastIndexOf('@');
        int emlAt = eml.lastIndexOf('@');
        if (emlAt < 0) {
            return NAME_SYNTAX;
        }
        if (baseAt < 0 && !base.isEmpty() && base.charAt(0) == '.') {
            return eml.length() > base.length() && endsWithIgnoreCase(eml, base) ? OK : PERMITTED;
        }
        String baseHost = base;
        if (baseAt >= 0) {
            if (baseAt != 0) {
                if (baseAt != emlAt || !base.substring(0, baseAt).equals(eml.substring(0, emlAt))) {
                    return PERMITTED;
                }
            }
            baseHost = base.substring(baseAt + 1);
        }
        String emlHost = eml.substring(emlAt + 1);
        return emlHost.equalsIgnoreCase(baseHost) ? OK : PERMITTED;
    }

    private static int uri(String uri, String base) {
        int colon = uri.indexOf(':');
        if (colon < 0 || !uri.startsWith("//", colon + 1)) {
            return NAME_SYNTAX;
        }
        String rest = uri.substring(colon + 3);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ':' || c == '/') {
                end = i;
                break;
            }
        }
        String host = rest.substring(0, end);
        if (host.isEmpty()) {
            return NAME_SYNTAX;
        }
        if (!base.isEmpty() && base.charAt(0) == '.') {
            return host.length() > base.length() && endsWithIgnoreCase(host, base) ? OK : PERMITTED;
        }
        return host.toLowerCase(Locale.ROOT).equals(base.toLowerCase(Locale.ROOT)) ? OK : PERMITTED;
    }

    private static int ip(byte[] address, byte[] base) {
        if (address.length * 2 != base.length) {
            return PERMITTED;
        }
        int n = address.length;
        for (int i = 0; i < n; i++) {
            if (((address[i] ^ base[i]) & base[n + i]) != 0) {
                return PERMITTED;
            }
        }
        return OK;
    }
}
