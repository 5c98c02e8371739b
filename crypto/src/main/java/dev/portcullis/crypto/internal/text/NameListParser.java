package dev.portcullis.crypto.internal.text;

import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The configuration syntax of the name-list extensions: subjectAltName ({@code email:copy} takes the
 * subject's e-mail addresses), issuerAltName ({@code issuer:copy} takes the issuer's subjectAltName),
 * authorityKeyIdentifier ({@code keyid[:always]}, {@code issuer[:always]}, {@code none}),
 * authorityInfoAccess / subjectInfoAccess ({@code OCSP;URI:…}), crlDistributionPoints (names only) and
 * nameConstraints ({@code permitted;DNS:…}, {@code excluded;IP:addr/mask}).
 */
final class NameListParser {
    private static final ASN1ObjectIdentifier EMAIL = new ASN1ObjectIdentifier("1.2.840.113549.1.9.1");

    private NameListParser() {
    }

    static void register(Map<String, SimpleExtensionParser.ValueParser> parsers) {
        parsers.put("2.5.29.17", (v, c) -> altNames(ConfList.parse(v), c, true));
        parsers.put("2.5.29.18", (v, c) -> altNames(ConfList.parse(v), c, false));
        parsers.put("2.5.29.35", (v, c) -> authorityKeyId(ConfList.parse(v), c));
        parsers.put("1.3.6.1.5.5.7.1.1", (v, c) -> access(ConfList.parse(v)));
        parsers.put("1.3.6.1.5.5.7.1.11", (v, c) -> access(ConfList.parse(v)));
        parsers.put("2.5.29.31", (v, c) -> distributionPoints(ConfList.parse(v)));
        parsers.put("2.5.29.46", (v, c) -> distributionPoints(ConfList.parse(v)));
        parsers.put("2.5.29.30", (v, c) -> nameConstraints(ConfList.parse(v)));
        parsers.put("2.5.29.28", (v, c) -> issuingDistributionPoint(ConfList.parse(v)));
    }

    private static ASN1Encodable altNames(List<ConfValue> items, SimpleExtensionParser.Context c, boolean subject) {
        ASN1EncodableVector names = new ASN1EncodableVector();
        for (ConfValue item : items) {
            if (subject && "email".equals(item.name()) && "copy".equals(item.value())) {
                copyEmail(names, c.subject());
            } else if (!subject && "issuer".equals(item.name()) && "copy".equals(item.value())) {
                copyIssuer(names, c.issuer());
            } else {
                names.add(GeneralNameParser.parse(item, false));
            }
        }
        return new DERSequence(names);
    }

    private static void copyEmail(ASN1EncodableVector names, Certificate subject) {
        if (subject == null) {
            throw V3Error.of("no subject details");
        }
        for (RDN rdn : subject.getSubject().getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (EMAIL.equals(atv.getType())) {
                    names.add(new GeneralName(GeneralName.rfc822Name,
                        new DERIA5String(new String(RawString.of(atv.getValue()).content(),
                            java.nio.charset.StandardCharsets.ISO_8859_1), false)));
                }
            }
        }
    }

    private static void copyIssuer(ASN1EncodableVector names, Certificate issuer) {
        if (issuer == null) {
            throw V3Error.of("no issuer details");
        }
        Extension san = issuer.getTBSCertificate().getExtensions() == null ? null
            : issuer.getTBSCertificate().getExtensions().getExtension(Extension.subjectAlternativeName);
        if (san == null) {
            return;
        }
        try {
            for (GeneralName name : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
                names.add(name);
            }
        } catch (RuntimeException e) {
            throw V3Error.of("issuer decode error");
        }
    }

    private static ASN1Encodable authorityKeyId(List<ConfValue> items, SimpleExtensionParser.Context c) {
        int keyid = 0;
        int issuer = 0;
        for (ConfValue item : items) {
            if ("none".equals(item.name()) && item.value() == null) {
                return new DERSequence();
            }
            int level = "always".equals(item.value()) ? 2 : item.value() == null ? 1 : -1;
            if ("keyid".equals(item.name()) && level > 0) {
                keyid = level;
            } else if ("issuer".equals(item.name()) && level > 0) {
                issuer = level;
            } else {
                throw V3Error.of("unknown option");
            }
        }
        if (c.issuer() == null) {
            throw V3Error.of("no issuer certificate");
        }
        byte[] issuerKeyId = null;
        if (keyid > 0) {
            Extension ski = c.issuer().getTBSCertificate().getExtensions() == null ? null
                : c.issuer().getTBSCertificate().getExtensions().getExtension(Extension.subjectKeyIdentifier);
            if (ski != null) {
                issuerKeyId = SubjectKeyIdentifier.getInstance(ski.getParsedValue()).getKeyIdentifier();
            }
            if (keyid == 2 && issuerKeyId == null) {
                throw V3Error.of("unable to get issuer keyid");
            }
        }
        GeneralNames issuerName = null;
        java.math.BigInteger serial = null;
        if (issuer == 2 || (issuer == 1 && issuerKeyId == null)) {
            issuerName = new GeneralNames(new GeneralName(c.issuer().getIssuer()));
            serial = c.issuer().getSerialNumber().getValue();
        }
        return new AuthorityKeyIdentifier(issuerKeyId, issuerName, serial);
    }

    private static ASN1Encodable access(List<ConfValue> items) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ConfValue item : items) {
            int semi = item.name().indexOf(';');
            if (semi < 0) {
                throw V3Error.of("invalid syntax");
            }
            // OpenSSL reads the location before the method, so a bad location is reported first.
            GeneralName location = GeneralNameParser.parse(new ConfValue(item.name().substring(semi + 1), item.value()), false);
            ASN1ObjectIdentifier method = ObjectNames.parse(item.name().substring(0, semi)).orElseThrow(() ->
                V3Error.from("object identifier routines", "unknown object name", "bad object"));
            v.add(new AccessDescription(method, location));
        }
        return new DERSequence(v);
    }

    private static ASN1Encodable distributionPoints(List<ConfValue> items) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ConfValue item : items) {
            if (item.value() == null) {
                // A bare name is a section reference, which needs the configuration database pyOpenSSL lacks.
                throw V3Error.of("operation not defined");
            }
            GeneralNames names = new GeneralNames(GeneralNameParser.parse(item, false));
            v.add(new DistributionPoint(new DistributionPointName(names), null, null));
        }
        return new DERSequence(v);
    }

    private static ASN1Encodable nameConstraints(List<ConfValue> items) {
        ASN1EncodableVector permitted = new ASN1EncodableVector();
        ASN1EncodableVector excluded = new ASN1EncodableVector();
        for (ConfValue item : items) {
            String name = item.name();
            ASN1EncodableVector target;
            String rest;
            if (name.startsWith("permitted") && name.length() > 9) {
                target = permitted;
                rest = name.substring(10);
            } else if (name.startsWith("excluded") && name.length() > 8) {
                target = excluded;
                rest = name.substring(9);
            } else {
                throw V3Error.of("invalid syntax");
            }
            // OpenSSL skips the one character after the keyword, whatever it is ("permitted;DNS", "permitted DNS").
            String type = rest;
            target.add(new GeneralSubtree(GeneralNameParser.parse(new ConfValue(type, item.value()), true)));
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (permitted.size() > 0) {
            v.add(new DERTaggedObject(false, 0, new DERSequence(permitted)));
        }
        if (excluded.size() > 0) {
            v.add(new DERTaggedObject(false, 1, new DERSequence(excluded)));
        }
        return NameConstraints.getInstance(new DERSequence(v));
    }

    /** issuingDistributionPoint: {@code fullname:TYPE:value} plus the boolean flags; reasons are not supported. */
    private static ASN1Encodable issuingDistributionPoint(List<ConfValue> items) {
        DistributionPointName point = null;
        boolean user = false;
        boolean ca = false;
        boolean indirect = false;
        boolean attr = false;
        for (ConfValue item : items) {
            String n = item.name();
            if ("fullname".equals(n) && item.value() != null) {
                ASN1EncodableVector names = new ASN1EncodableVector();
                for (ConfValue g : ConfList.parse(item.value())) {
                    names.add(GeneralNameParser.parse(g, false));
                }
                point = new DistributionPointName(GeneralNames.getInstance(new DERSequence(names)));
            } else if ("onlyuser".equals(n)) {
                user = SimpleExtensionParser.bool(item.value());
            } else if ("onlyCA".equals(n)) {
                ca = SimpleExtensionParser.bool(item.value());
            } else if ("onlyAA".equals(n)) {
                attr = SimpleExtensionParser.bool(item.value());
            } else if ("indirectCRL".equals(n)) {
                indirect = SimpleExtensionParser.bool(item.value());
            } else {
                throw V3Error.of("invalid name");
            }
        }
        return new org.bouncycastle.asn1.x509.IssuingDistributionPoint(point, user, ca, null, indirect, attr);
    }
}
