package dev.portcullis.crypto.internal.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * A distinguished name as OpenSSL's {@code X509_NAME} holds it: a flat list of attribute entries, each
 * remembering which relative distinguished name (RDN, a DER {@code SET}) it belongs to.
 *
 * <p>The DER encoding read from a certificate is kept and returned unchanged until the name is modified, so a
 * name from the wild (non-canonical string types, unsorted multi-valued RDNs) survives load and dump untouched.
 * A name can be shared by an owning certificate or request and by the {@code X509Name} views handed out for
 * it: changes notify the owner, and {@link #invalidate()} cuts off views after the owner replaced the name.
 */
public final class NameModel {
    /** One attribute: its type, the string's DER tag and content bytes, and the index of its RDN. */
    public record Entry(ASN1ObjectIdentifier oid, int tag, byte[] value, int set) {
        byte[] encode() {
            return Der.tlv(Der.SEQUENCE, Der.oid(oid), Der.tlv(tag, value));
        }
    }

    private final List<Entry> entries;
    private volatile byte[] encoding;
    private volatile byte[] canonical;
    private boolean invalidated;
    private Runnable onChange;

    private NameModel(List<Entry> entries, byte[] encoding) {
        this.entries = entries;
        this.encoding = encoding;
    }

    /** An empty name (DER {@code 30 00}). */
    public static NameModel empty() {
        return new NameModel(new ArrayList<>(), null);
    }

    /** Decodes the Name element {@code der[start, end)}, keeping those bytes as its encoding. */
    public static NameModel parse(byte[] der, int start, int end) {
        DerReader outer = new DerReader(der, start, end).expect(Der.SEQUENCE);
        DerReader rdns = outer.children();
        List<Entry> entries = new ArrayList<>();
        int set = 0;
        while (rdns.hasNext()) {
            DerReader rdn = rdns.expect(Der.SET).children();
            while (rdn.hasNext()) {
                DerReader entry = rdn.expect(Der.SEQUENCE).children();
                ASN1ObjectIdentifier oid = entry.expect(Der.OID).oid();
                entry.next();
                entries.add(new Entry(oid, entry.tag(), entry.content(), set));
                entry.expectEnd();
            }
            set++;
        }
        return new NameModel(entries, Arrays.copyOfRange(der, start, end));
    }

    /** An independent copy (OpenSSL's {@code X509_NAME_dup}); the copy has no owner. */
    public NameModel copy() {
        return new NameModel(new ArrayList<>(entries), encoding);
    }

    /** Registers the owner's callback, run after every change. */
    public void onChange(Runnable callback) {
        this.onChange = callback;
    }

    /** Cuts off every view of this name: the owner replaced it. */
    public void invalidate() {
        invalidated = true;
        onChange = null;
    }

    /** Whether {@link #invalidate()} was called. */
    public boolean isInvalidated() {
        return invalidated;
    }

    /** The entries in order (read-only). */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The first entry of type {@code oid}, or {@code null}. */
    public Entry first(ASN1ObjectIdentifier oid) {
        for (Entry entry : entries) {
            if (entry.oid.equals(oid)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * pyOpenSSL's attribute assignment: removes the first entry of type {@code oid}, then appends
     * {@code value} in a new RDN at the end. The removal happens first, so a value OpenSSL refuses leaves the
     * attribute deleted, exactly as in pyOpenSSL.
     */
    public void set(ASN1ObjectIdentifier oid, String value) {
        deleteFirst(oid);
        byte[] element = AttributeStrings.encode(oid, value);
        DerReader string = new DerReader(element).next();
        int set = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).set + 1;
        entries.add(new Entry(oid, string.tag(), string.content(), set));
        changed();
    }

    /** Removes the first entry of type {@code oid}; returns whether there was one. */
    public boolean deleteFirst(ASN1ObjectIdentifier oid) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).oid.equals(oid)) {
                delete(i);
                changed();
                return true;
            }
        }
        return false;
    }

    /** {@code X509_NAME_delete_entry}: removes entry {@code index}, closing the gap its RDN leaves. */
    private void delete(int index) {
        Entry removed = entries.remove(index);
        if (index == entries.size()) {
            return;
        }
        int previous = index > 0 ? entries.get(index - 1).set : removed.set - 1;
        int following = entries.get(index).set;
        if (previous + 1 < following) {
            for (int i = index; i < entries.size(); i++) {
                Entry e = entries.get(i);
                entries.set(i, new Entry(e.oid, e.tag, e.value, e.set - 1));
            }
        }
    }

    private void changed() {
        encoding = null;
        canonical = null;
        if (onChange != null) {
            onChange.run();
        }
    }

    /** The DER encoding (a {@code SEQUENCE OF SET OF AttributeTypeAndValue}), shared: do not modify. */
    public byte[] encoding() {
        if (encoding == null) {
            encoding = Der.tlv(Der.SEQUENCE, encodeRdns(false));
        }
        return encoding;
    }

    /**
     * OpenSSL's canonical encoding ({@code x509_name_canon}): the RDN {@code SET}s concatenated without the
     * outer {@code SEQUENCE}, every text value re-encoded as a UTF8String, trimmed, with runs of ASCII white
     * space collapsed to one space and ASCII letters lower-cased. Name comparison and hashing use it.
     */
    public byte[] canonical() {
        if (canonical == null) {
            canonical = encodeRdns(true);
        }
        return canonical;
    }

    private byte[] encodeRdns(boolean canonicalForm) {
        List<byte[]> rdns = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int set = -1;
        for (Entry entry : entries) {
            if (entry.set != set && !current.isEmpty()) {
                rdns.add(Der.setOf(current));
                current = new ArrayList<>();
            }
            set = entry.set;
            current.add(canonicalForm ? Canonical.entry(entry) : entry.encode());
        }
        if (!current.isEmpty()) {
            rdns.add(Der.setOf(current));
        }
        return Der.concat(rdns);
    }

    /**
     * OpenSSL's {@code X509_NAME_hash}: the first four bytes of SHA-1 over the canonical encoding, read as a
     * little-endian unsigned 32-bit number (the name of hashed certificate directories, {@code 9d66eef0.0}).
     */
    public long hash() {
        byte[] sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1").digest(canonical());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        return (sha1[0] & 0xffL) | (sha1[1] & 0xffL) << 8 | (sha1[2] & 0xffL) << 16 | (sha1[3] & 0xffL) << 24;
    }

    /** {@code X509_NAME_cmp}: shorter canonical encodings first, then byte order. */
    public int compareTo(NameModel other) {
        byte[] a = canonical();
        byte[] b = other.canonical();
        if (a.length != b.length) {
            return a.length < b.length ? -1 : 1;
        }
        return Integer.signum(Arrays.compareUnsigned(a, b));
    }
}
