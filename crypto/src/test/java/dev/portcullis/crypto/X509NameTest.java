package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link X509Name}: pyOpenSSL's TestX509Name, plus OpenSSL's string table and name hash. Expected values were
 * printed by pyOpenSSL 23 (/usr/bin/python3) unless quoted from pyOpenSSL's tests.
 */
class X509NameTest {
    private static X509Name name(String... pairs) {
        X509Name name = new X509().getSubject();
        for (int i = 0; i < pairs.length; i += 2) {
            name.set(pairs[i], pairs[i + 1]);
        }
        return name;
    }

    private static List<X509Name.Component> components(String... pairs) {
        java.util.ArrayList<X509Name.Component> list = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new X509Name.Component(pairs[i].getBytes(StandardCharsets.ISO_8859_1),
                    pairs[i + 1].getBytes(StandardCharsets.ISO_8859_1)));
        }
        return list;
    }

    private static void assertAsn1Error(String reason, Runnable action) {
        CryptoException e = assertThrows(CryptoException.class, action::run);
        assertEquals(List.of(new CryptoException.Entry("asn1 encoding routines", "", reason)), e.errors());
    }

    @Test
    void subjectOfNewCertificateIsEmptyName() {
        X509Name name = new X509().getSubject();
        assertEquals(List.of(), name.getComponents());
        assertArrayEquals(new byte[] {0x30, 0}, name.der());
    }

    @Test
    void onlyStringAttributeNames() {
        assertThrows(IllegalArgumentException.class, () -> name().set(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> name().get(null));
        assertThrows(IllegalArgumentException.class, () -> name().set("CN", null));
    }

    @Test
    void unknownAttributeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> name().set("no such thing", "x"));
        assertTrue(e.getMessage().startsWith("No such attribute"));
        assertThrows(IllegalArgumentException.class, () -> name().get("foobar"));
        assertThrows(IllegalArgumentException.class, () -> name().get("1.2.3.4"), "OID unknown to OpenSSL");
    }

    @Test
    void shortLongAndDottedNamesAreAliases() {
        X509Name name = name();
        name.set("commonName", "hello");
        assertEquals("hello", name.get("CN"));
        assertEquals("hello", name.get("2.5.4.3"));
        name.set("CN", "world");
        assertEquals("world", name.get("commonName"));
        name.set("CN", "goodbye");
        assertEquals("goodbye", name.getCommonName());
        name.setCommonName("again");
        assertEquals("again", name.get("commonName"));
        assertNull(name.get("OU"));
        assertEquals(components("CN", "again"), name.getComponents(), "each set replaced the one entry");
    }

    @Test
    void copyIsIndependent() {
        X509Name name = name("CN", "foo", "emailAddress", "bar@example.com");
        X509Name copy = new X509Name(name);
        assertEquals("foo", copy.get("CN"));
        assertEquals("bar@example.com", copy.get("emailAddress"));
        copy.set("CN", "baz");
        assertEquals("foo", name.get("CN"));
        name.set("CN", "quux");
        assertEquals("baz", copy.get("CN"));
        assertThrows(IllegalArgumentException.class, () -> new X509Name((X509Name) null));
    }

    @Test
    void nulBytesArePreserved() {
        X509Name name = name("CN", "a\u0000b");
        assertEquals("a\u0000b", name.get("CN"));
        assertEquals(components("CN", "a\u0000b"), name.getComponents());
    }

    @Test
    void reprIsOpenSslOneLineForm() {
        X509Name name = name("emailAddress", "bar", "CN", "foo");
        assertEquals("<X509Name object '/emailAddress=bar/CN=foo'>", name.toString());
        assertEquals("<X509Name object ''>", name().toString());
    }

    @Test
    void reprStopsAtPyOpenSslsBuffer() {
        X509Name name = name("title", "t".repeat(300), "CN", "c".repeat(64), "O", "o".repeat(64), "OU", "u".repeat(64),
                "L", "l".repeat(100));
        // pyOpenSSL 23: X509_NAME_oneline into 512 bytes keeps the entries that fit whole
        assertEquals("<X509Name object '/title=" + "t".repeat(300) + "/CN=" + "c".repeat(64) + "/O=" + "o".repeat(64)
                + "/OU=" + "u".repeat(64) + "'>", name.toString());
    }

    @Test
    void comparison() {
        X509Name a = name("CN", "foo");
        assertEquals(a, a);
        assertEquals(name(), name());
        assertEquals(name("CN", "foo"), name("commonName", "foo"));
        assertEquals(name("CN", "foo", "OU", "bar"), name("commonName", "foo", "organizationalUnitName", "bar"));
        assertNotEquals(name("CN", "foo"), name("CN", "bar"));
        assertNotEquals(name("CN", "foo"), name("OU", "foo"));
        assertNotEquals(name("CN", "foo"), new Object());
        assertTrue(name("CN", "abc").compareTo(name("CN", "def")) < 0);
        assertTrue(name("CN", "abc").compareTo(name("CN", "abc")) <= 0);
        assertTrue(name("CN", "def").compareTo(name("CN", "abc")) > 0);
        // X509_NAME_cmp compares canonical lengths first: pyOpenSSL says CN=abcd < CN=b is False
        assertTrue(name("CN", "abcd").compareTo(name("CN", "b")) > 0);
    }

    @Test
    void comparisonIgnoresCaseAndWhiteSpace() {
        assertEquals(name("CN", "  Foo   Bar "), name("CN", "foo bar"));
        assertEquals(name("CN", "  Foo   Bar ").hashCode(), name("CN", "foo bar").hashCode());
    }

    @Test
    void hashFollowsContent() {
        X509Name a = name("CN", "foo");
        X509Name b = name("CN", "foo");
        assertEquals(a.hash(), b.hash());
        a.set("CN", "bar");
        assertNotEquals(a.hash(), b.hash());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty|4003674586|",
        "CN=  Foo   Bar |2130066108|CN,  Foo   Bar ",
        "CN=foo bar|2130066108|CN,foo bar",
        "CN=Ünïcödé ☃ TEST|3502213817|CN,Ünïcödé ☃ TEST",
        "C,O,CN|2562341396|C,US,O,Acme\tInc,CN,www.Example.COM",
        "emailAddress,DC|2348414848|emailAddress,A@B.example,DC,COM",
    })
    void hashIsOpenSslNameHash(String label, long expected, String pairs) {
        X509Name name = pairs == null ? name() : name(pairs.split(","));
        assertEquals(expected, name.hash());
    }

    @Test
    void hashOfLoadedSubjects() {
        assertEquals(3278919224L, PyOpenSslCerts.root().getSubject().hash());
        assertEquals(3278919224L, PyOpenSslCerts.root().subjectNameHash());
        assertEquals(589886851L, PyOpenSslCerts.nulSan().getSubject().hash());
    }

    @Test
    void derOfCountryThenCommonName() {
        X509Name name = name("C", "US", "CN", "foo");
        byte[] expected = "0\u001b1\u000b0\t\u0006\u0003U\u0004\u0006\u0013\u0002US1\u000c0\n\u0006\u0003U\u0004\u0003\u000c\u0003foo"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, name.der());
    }

    @Test
    void derUsesOpenSslStringTypes() {
        X509Name name = name("C", "US", "CN", "foo", "emailAddress", "a@b", "DC", "com", "friendlyName", "fr");
        assertEquals("3059310b3009060355040613025553310c300a06035504030c03666f6f3112301006092a864886f70d010901"
                + "160361406231133011060a0992268993f22c6401191603636f6d3113301106092a864886f70d0109141e0400660072",
                HexFormat.of().formatHex(name.der()));
    }

    @Test
    void getComponents() {
        X509Name name = name();
        assertEquals(List.of(), name.getComponents());
        name.set("CN", "foo");
        assertEquals(components("CN", "foo"), name.getComponents());
        name.set("organizationalUnitName", "bar");
        assertEquals(components("CN", "foo", "OU", "bar"), name.getComponents());
    }

    @Test
    void settingAgainMovesTheEntryToTheEnd() {
        X509Name name = name("CN", "foo", "O", "org", "C", "US");
        name.set("CN", "bar");
        assertEquals(components("O", "org", "C", "US", "CN", "bar"), name.getComponents());
    }

    @Test
    void failedSetLeavesTheAttributeRemoved() {
        X509Name name = name("C", "US", "CN", "foo");
        assertAsn1Error("string too long", () -> name.set("C", "USA"));
        assertEquals(components("CN", "foo"), name.getComponents());
    }

    @Test
    void loadedNulByteAttribute() {
        X509Name subject = PyOpenSslCerts.nulSan().getSubject();
        assertEquals("null.python.org\u0000example.org", subject.get("CN"));
        assertEquals(components("C", "US", "ST", "Oregon", "L", "Beaverton", "O", "Python Software Foundation",
                "OU", "Python Core Development", "CN", "null.python.org\u0000example.org",
                "emailAddress", "python-dev@python.org"), subject.getComponents());
        assertEquals("<X509Name object '/C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation"
                + "/OU=Python Core Development/CN=null.python.org\\x00example.org/emailAddress=python-dev@python.org'>",
                subject.toString());
    }

    @Test
    void oversizedOrganizationFails() {
        assertThrows(CryptoException.class, () -> name().set("O", "x".repeat(512)));
    }

    @ParameterizedTest(name = "{0}={1}×{2} → {3}")
    @CsvSource({
        "C,U,1,string too short",
        "C,U,3,string too long",
        "CN,x,65,string too long",
        "CN,x,0,string too short",
        "L,x,129,string too long",
        "serialNumber,1,65,string too long",
        "GN,1,32769,string too long",
        "INN,1,13,string too long",
        "emailAddress,é,1,illegal characters",
        "serialNumber,_,1,illegal characters",
        "INN,a,1,illegal characters",
    })
    void openSslStringTableRefuses(String attribute, String unit, int count, String reason) {
        assertAsn1Error(reason, () -> name().set(attribute, unit.repeat(count)));
    }

    @ParameterizedTest(name = "{0}={1}×{2}")
    @CsvSource({
        "C,U,2", "CN,x,64", "ST,x,128", "serialNumber,1,64", "GN,1,32768", "DC,1,2000", "title,x,100",
        "dnQualifier,x,0", "INN,1,12", "jurisdictionC,1,2",
    })
    void openSslStringTableAccepts(String attribute, String unit, int count) {
        X509Name name = name();
        name.set(attribute, unit.repeat(count));
        assertEquals(unit.repeat(count), name.get(attribute));
    }

    @Test
    void nonAsciiIsUtf8() {
        X509Name name = name("CN", "x\u00e9\u2603");
        assertEquals(components("CN", new String("x\u00e9\u2603".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1)), name.getComponents());
        assertEquals("<X509Name object '/CN=x\\xC3\\xA9\\xE2\\x98\\x83'>", name.toString());
    }

    @Test
    void subjectViewWritesThrough() {
        X509 cert = new X509();
        X509Name view = cert.getSubject();
        view.set("CN", "live");
        assertEquals("live", cert.getSubject().get("CN"));
    }

    @Test
    void viewDiesWhenTheOwnerReplacesTheName() {
        X509 cert = new X509();
        X509Name view = cert.getSubject();
        cert.setSubject(name("CN", "new"));
        assertThrows(IllegalStateException.class, () -> view.get("CN"));
        assertThrows(IllegalStateException.class, () -> view.set("CN", "x"));
        assertEquals("new", cert.getSubject().get("CN"));
    }

    @Test
    void setSubjectCopiesTheName() {
        X509 cert = new X509();
        X509Name name = name("CN", "a");
        cert.setSubject(name);
        name.set("CN", "b");
        assertEquals("a", cert.getSubject().get("CN"));
    }

    @Test
    void deleteRemovesTheFirstEntry() {
        X509Name name = name("CN", "a", "O", "b");
        assertTrue(name.delete("commonName"));
        assertFalse(name.delete("CN"));
        assertEquals(components("O", "b"), name.getComponents());
    }

    /** pyOpenSSL 23 after {@code setattr(subject, attribute, "new")} on testdata's multi-valued RDN certificate. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "DC|/DC=example/O=Example/OU=A+OU=B/CN=John Smith+UID=jsmith/DC=new|94903088|30818131173015060a0992268993f22c640"
            + "11916076578616d706c653110300e060355040a0c074578616d706c6531143008060355040b0c01413008060355040b0c014231293"
            + "01106035504030c0a4a6f686e20536d6974683014060a0992268993f22c6401010c066a736d69746831133011060a0992268993f22"
            + "c64011916036e6577",
        "OU|/DC=com/DC=example/O=Example/OU=B/CN=John Smith+UID=jsmith/OU=new|1259918485|30818531133011060a0992268993f"
            + "22c6401191603636f6d31173015060a0992268993f22c64011916076578616d706c653110300e060355040a0c074578616d706c65"
            + "310a3008060355040b0c01423129301106035504030c0a4a6f686e20536d6974683014060a0992268993f22c6401010c066a736d"
            + "697468310c300a060355040b0c036e6577",
        "UID|/DC=com/DC=example/O=Example/OU=A+OU=B/CN=John Smith/UID=new|1621323662|30818031133011060a0992268993f22c"
            + "6401191603636f6d31173015060a0992268993f22c64011916076578616d706c653110300e060355040a0c074578616d706c6531"
            + "143008060355040b0c01413008060355040b0c01423113301106035504030c0a4a6f686e20536d69746831133011060a0992268993"
            + "f22c6401010c036e6577",
        "CN|/DC=com/DC=example/O=Example/OU=A+OU=B/UID=jsmith/CN=new|2399531938|307c31133011060a0992268993f22c6401191"
            + "603636f6d31173015060a0992268993f22c64011916076578616d706c653110300e060355040a0c074578616d706c65311430080603"
            + "55040b0c01413008060355040b0c014231163014060a0992268993f22c6401010c066a736d697468310c300a06035504030c036e6577",
    })
    void settingInsideMultiValuedRdns(String attribute, String oneline, long hash, String der) {
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM,
                dev.portcullis.testdata.Fixtures.bytes("x509/names/multivalued-rdn.pem"));
        X509Name subject = cert.getSubject();
        subject.set(attribute, "new");
        assertEquals("<X509Name object '" + oneline + "'>", subject.toString());
        assertEquals(hash, subject.hash());
        assertEquals(der, HexFormat.of().formatHex(subject.der()));
        assertArrayEquals(subject.der(), cert.toJavaCertificate().getSubjectX500Principal().getEncoded());
    }

    @Test
    void untouchedEntriesKeepTheirStringTypes() {
        X509Name subject = Crypto.loadCertificate(Crypto.FILETYPE_PEM,
                dev.portcullis.testdata.Fixtures.bytes("x509/names/mixed-string-types.pem")).getSubject();
        subject.set("O", "x");
        assertEquals("<X509Name object '/C=FR/OU=N-e\\x87\\x90\\xE8/CN=plain printable/emailAddress=ia5@example.com/O=x'>",
                subject.toString());
        assertEquals(2354542207L, subject.hash());
        assertEquals("3064310b3009060355040613024652310f300d060355040b1e064e2d658790e8311830160603550403130f706c61696e20"
                + "7072696e7461626c65311e301c06092a864886f70d010901160f696135406578616d706c652e636f6d310a3008060355040a0c"
                + "0178", HexFormat.of().formatHex(subject.der()));
    }
}
