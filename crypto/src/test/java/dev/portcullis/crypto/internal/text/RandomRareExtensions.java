package dev.portcullis.crypto.internal.text;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random values for the rarer extensions OpenSSL prints: RFC 3779, SCT lists, OCSP, proxy, policy mappings, … */
final class RandomRareExtensions {
    private RandomRareExtensions() {
    }

    static Arbitrary<Extension> extensions() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<Long> times = Arbitraries.longs().between(0, 4_000_000_000_000L);
        return Arbitraries.oneOf(
            Arbitraries.of("1.2.3", "2.5.29.32.0", "1.3.6.1.4.1.5").list().ofMinSize(1).ofMaxSize(3).map(l -> ext("2.5.29.33",
                new DERSequence(l.stream().map(o -> new DERSequence(new ASN1Encodable[] {
                    new ASN1ObjectIdentifier(o), new ASN1ObjectIdentifier("1.2.3.4")})).toArray(ASN1Encodable[]::new)))),
            Combinators.combine(times, times, Arbitraries.integers().between(0, 2)).as((a, b, which) -> ext("2.5.29.16",
                new DERSequence(period(a, b, which)))),
            Arbitraries.just(ext("1.3.6.1.4.1.11129.2.4.3", DERNull.INSTANCE)),
            Arbitraries.just(ext("1.3.6.1.5.5.7.48.1.5", DERNull.INSTANCE)),
            Arbitraries.of("1.2.840.10040.2.1", "1.2.840.10040.2.2", "1.2.3").map(o -> ext("2.5.29.23", new ASN1ObjectIdentifier(o))),
            Combinators.combine(Arbitraries.integers().between(-1, 300), Arbitraries.strings().alpha().ofMaxLength(6))
                .as((p, t) -> ext("1.3.6.1.5.5.7.1.14", proxy(p, t))),
            sctLists().map(l -> ext("1.3.6.1.4.1.11129.2.4.2", new DEROctetString(l))),
            bytes.map(b -> new Extension(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.48.1.2"), false, b)),
            times.map(t -> ext("1.3.6.1.5.5.7.48.1.6", new ASN1GeneralizedTime(new Date(t)))),
            Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 32))
                .as((afi, len) -> ext("1.3.6.1.5.5.7.1.7", addressBlocks(afi, len))),
            Arbitraries.integers().between(0, 70000).list().ofMinSize(1).ofMaxSize(3).map(l -> ext("1.3.6.1.5.5.7.1.8",
                new DERSequence(new DERTaggedObject(true, 0, new DERSequence(
                    l.stream().map(i -> new ASN1Integer(i)).toArray(ASN1Encodable[]::new)))))));
    }

    private static ASN1Encodable[] period(long a, long b, int which) {
        DERTaggedObject before = new DERTaggedObject(false, 0, new ASN1GeneralizedTime(new Date(a)));
        DERTaggedObject after = new DERTaggedObject(false, 1, new ASN1GeneralizedTime(new Date(b)));
        return which == 0 ? new ASN1Encodable[] {before} : which == 1 ? new ASN1Encodable[] {after}
            : new ASN1Encodable[] {before, after};
    }

    private static ASN1Encodable proxy(int pathLength, String text) {
        DERSequence policy = text.isEmpty()
            ? new DERSequence(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.1"))
            : new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("1.3.6.1.5.5.7.21.0"), new DEROctetString(text.getBytes())});
        return pathLength < 0 ? new DERSequence(policy) : new DERSequence(new ASN1Encodable[] {new ASN1Integer(pathLength), policy});
    }

    private static ASN1Encodable addressBlocks(int afi, int prefixLength) {
        byte[] family = afi == 3 ? new byte[] {0, 1, 1} : new byte[] {0, (byte) Math.max(1, afi)};
        int max = family[1] == 1 ? 32 : 128;
        int len = Math.min(prefixLength, max);
        byte[] addr = new byte[(len + 7) / 8];
        for (int i = 0; i < addr.length; i++) {
            addr[i] = (byte) (0xa5 + i * 17);
        }
        if (len % 8 != 0) {
            addr[addr.length - 1] &= (byte) (0xff << (8 - len % 8));
        }
        DERBitString prefix = new DERBitString(addr, (8 - len % 8) % 8);
        ASN1Encodable choice = afi == 0 ? DERNull.INSTANCE : new DERSequence(prefix);
        return new DERSequence(new DERSequence(new ASN1Encodable[] {new DEROctetString(family), choice}));
    }

    private static Arbitrary<byte[]> sctLists() {
        Arbitrary<byte[]> one = Combinators.combine(Arbitraries.bytes(), Arbitraries.longs().between(0, 4_000_000_000_000L),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(20), Arbitraries.of(1, 3),
            Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80)).as((log, ts, ext, alg, sig) -> {
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(0);
                for (int i = 0; i < 32; i++) {
                    o.write(log + i);
                }
                o.write(BigInteger.valueOf(ts).add(BigInteger.ONE.shiftLeft(64)).toByteArray(), 1, 8);
                o.write(ext.length >> 8);
                o.write(ext.length);
                o.writeBytes(ext);
                o.write(4);
                o.write(alg);
                o.write(sig.length >> 8);
                o.write(sig.length);
                o.writeBytes(sig);
                return o.toByteArray();
            });
        return one.list().ofMinSize(1).ofMaxSize(3).map(RandomRareExtensions::list);
    }

    private static byte[] list(List<byte[]> scts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] s : scts) {
            body.write(s.length >> 8);
            body.write(s.length);
            body.writeBytes(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body.size() >> 8);
        out.write(body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static Extension ext(String oid, ASN1Encodable value) {
        try {
            return new Extension(new ASN1ObjectIdentifier(oid), false, value.toASN1Primitive().getEncoded("DER"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

}
