package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link X509Name} invariants over arbitrary Unicode values: what is set is read back, the DER decodes (with
 * Bouncy Castle as an independent decoder) to the same attributes in the same order, settings follow pyOpenSSL's
 * remove-then-append rule (checked against a plain list model), and the hash and equality ignore ASCII case and
 * runs of white space. The hash values themselves are checked against pyOpenSSL in {@code X509NameInteropTest}.
 */
class X509NameProperties {
    private static final List<String> UTF8_ATTRIBUTES = List.of("CN", "O", "OU", "L", "ST", "title", "GN", "SN",
            "pseudonym", "description", "street", "postalCode", "businessCategory", "initials", "generationQualifier");

    /** Unicode text of 1 to 64 code points (any plane, no lone surrogates), as UTF8String attributes allow. */
    static Arbitrary<String> unicodeValues() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xe000, 0x10ffff)));
        return codePoint.list().ofMinSize(1).ofMaxSize(64).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    /** One {@code set(attribute, value)} call. */
    record Assignment(String attribute, String value) {
    }

    @Provide
    Arbitrary<List<Assignment>> assignments() {
        return Combinators.combine(Arbitraries.of(UTF8_ATTRIBUTES), unicodeValues()).as(Assignment::new)
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> values() {
        return unicodeValues();
    }

    @Property(tries = 300)
    void setThenGetReturnsTheValue(@ForAll("values") String value) {
        X509Name name = X509Name.empty();
        name.set("CN", value);
        assertEquals(value, name.get("CN"));
        assertEquals(value, name.get("commonName"));
        assertEquals(value, new String(name.getComponents().get(0).value(), StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void followsTheRemoveThenAppendRuleAndEncodesThat(@ForAll("assignments") List<Assignment> assignments) {
        X509Name name = X509Name.empty();
        List<String[]> model = new ArrayList<>();
        for (Assignment assignment : assignments) {
            name.set(assignment.attribute(), assignment.value());
            String shortName = name.getComponents().get(name.getComponents().size() - 1).toString();
            shortName = shortName.substring(1, shortName.indexOf(','));
            for (int i = 0; i < model.size(); i++) {
                if (model.get(i)[0].equals(shortName)) {
                    model.remove(i);
                    break;
                }
            }
            model.add(new String[] {shortName, assignment.value()});
        }
        List<X509Name.Component> components = name.getComponents();
        assertEquals(model.size(), components.size());
        RDN[] rdns = X500Name.getInstance(name.der()).getRDNs();
        assertEquals(model.size(), rdns.length);
        for (int i = 0; i < model.size(); i++) {
            assertEquals(model.get(i)[0], new String(components.get(i).name(), StandardCharsets.US_ASCII));
            assertEquals(model.get(i)[1], new String(components.get(i).value(), StandardCharsets.UTF_8));
            AttributeTypeAndValue bc = rdns[i].getFirst();
            assertEquals(model.get(i)[1], ((ASN1String) bc.getValue()).getString());
        }
        for (String attribute : UTF8_ATTRIBUTES) {
            String expected = null;
            for (String[] entry : model) {
                if (entry[0].equals(shortNameOf(attribute))) {
                    expected = entry[1];
                    break;
                }
            }
            assertEquals(expected, name.get(attribute));
        }
    }

    private static String shortNameOf(String attribute) {
        X509Name probe = X509Name.empty();
        probe.set(attribute, "x");
        return new String(probe.getComponents().get(0).name(), StandardCharsets.US_ASCII);
    }

    @Property(tries = 300)
    void hashIgnoresAsciiCaseAndWhiteSpaceRuns(@ForAll("values") String value) {
        String space = "[ \\t\\n\\x0B\\f\\r]+";
        String folded = value.replaceAll("^" + space + "|" + space + "$", "").replaceAll(space, " ");
        StringBuilder lower = new StringBuilder();
        folded.codePoints().forEach(c -> lower.appendCodePoint(c >= 'A' && c <= 'Z' ? c + 32 : c));
        String variant = " \t" + value.replace(" ", "  ") + "\n";
        if (variant.codePointCount(0, variant.length()) > 64 || lower.length() == 0) {
            return;
        }
        X509Name a = X509Name.empty();
        a.set("CN", variant);
        X509Name b = X509Name.empty();
        b.set("CN", lower.toString());
        assertEquals(a.hash(), b.hash());
        assertEquals(a, b);
        assertEquals(0, a.compareTo(b));
    }

    @Property(tries = 100)
    void copiesAreEqualAndIndependent(@ForAll("assignments") List<Assignment> assignments) {
        X509Name name = X509Name.empty();
        assignments.forEach(a -> name.set(a.attribute(), a.value()));
        X509Name copy = new X509Name(name);
        assertEquals(name, copy);
        assertEquals(name.hash(), copy.hash());
        copy.set("dnQualifier", "changed");
        assertNull(name.get("dnQualifier"));
    }
}
