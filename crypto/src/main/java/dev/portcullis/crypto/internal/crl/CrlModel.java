package dev.portcullis.crypto.internal.crl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.x509.Asn1Time;
import dev.portcullis.crypto.internal.x509.ExtensionModel;
import dev.portcullis.crypto.internal.x509.NameModel;
import dev.portcullis.crypto.internal.x509.SignedEnvelope;
import dev.portcullis.crypto.internal.x509.SignedParts;

/**
 * A certificate revocation list (RFC 5280 §5.1) that is read lazily and can be edited: pyOpenSSL's mutable
 * {@code CRL}.
 *
 * <p>Loading checks the whole structure and the header of every revoked entry, recording only where each entry
 * and its serial lie; entries are decoded when first asked for, and {@link #find} scans the encoded serials once,
 * then answers from a hash index, so loading a 10,000-entry list and looking up a serial never decodes the other
 * entries.
 * Until something changes the encoding is the exact input. After a change the to-be-signed part is re-encoded
 * (unchanged parts copied as they were) and wrapped with the old signature until {@link #sign}, as in OpenSSL.
 */
public final class CrlModel {
    private final byte[] source;
    private SignedParts signed = new SignedParts();

    private BigInteger version;
    private byte[] tbsAlgorithm;
    private NameModel issuer;
    private Asn1Time thisUpdate;
    private Asn1Time nextUpdate;
    private byte[] extensions;

    private int entryCount;
    private int[] entryStarts = new int[0];
    private int[] serialStarts = new int[0];
    private int[] serialEnds = new int[0];
    private List<RevokedEntry> entries;
    private SerialIndex index;
    private int lookups;

    /** A new, empty list: v1 (no version field), empty issuer, no times, entries, extensions or signature. */
    public CrlModel() {
        this.source = null;
        this.issuer = owned(NameModel.empty());
        this.entries = new ArrayList<>();
    }

    private CrlModel(SignedEnvelope envelope) {
        this.source = envelope.encoding();
        this.signed = SignedParts.of(envelope);
    }

    /**
     * Reads the DER CRL at the start of {@code der} (trailing bytes are ignored).
     *
     * @throws CryptoException ({@code asn1 encoding routines}, …) when it is not a well-formed CRL
     */
    public static CrlModel read(byte[] der) {
        SignedEnvelope envelope = SignedEnvelope.read(der);
        CrlModel model = new CrlModel(envelope);
        model.index(envelope.tbsStart() - envelope.start(), envelope.tbsEnd() - envelope.start());
        return model;
    }

    private void index(int from, int to) {
        DerReader tbs = new DerReader(source, from, to).expect(Der.SEQUENCE).children();
        if (tbs.nextIf(Der.INTEGER)) {
            version = new BigInteger(nonEmpty(tbs.content()));
        }
        tbs.expect(Der.SEQUENCE);
        SignedEnvelope.checkAlgorithm(tbs);
        tbsAlgorithm = tbs.element();
        issuer = owned(NameModel.parse(source, tbs.expect(Der.SEQUENCE).start(), tbs.end()));
        thisUpdate = readTime(tbs);
        if (tbs.peekTag() == Der.UTC_TIME || tbs.peekTag() == Der.GENERALIZED_TIME) {
            nextUpdate = readTime(tbs);
        }
        if (tbs.peekTag() == Der.SEQUENCE) {
            indexEntries(tbs.next().children());
        }
        if (tbs.nextIf(Der.explicit(0))) {
            extensions = tbs.element();
            DerReader list = tbs.children();
            ExtensionModel.readList(list);
            list.expectEnd();
        }
        tbs.expectEnd();
    }

    /** Records where each entry and its serial lie, checking each entry's header fields. */
    private void indexEntries(DerReader list) {
        int capacity = 16;
        entryStarts = new int[capacity];
        serialStarts = new int[capacity];
        serialEnds = new int[capacity];
        while (list.hasNext()) {
            DerReader fields = list.expect(Der.SEQUENCE).children();
            if (entryCount == entryStarts.length) {
                capacity *= 2;
                entryStarts = Arrays.copyOf(entryStarts, capacity);
                serialStarts = Arrays.copyOf(serialStarts, capacity);
                serialEnds = Arrays.copyOf(serialEnds, capacity);
            }
            entryStarts[entryCount] = list.start();
            fields.expect(Der.INTEGER);
            if (fields.contentLength() == 0) {
                throw DerReader.error("illegal zero content");
            }
            serialStarts[entryCount] = fields.contentStart();
            serialEnds[entryCount] = fields.end();
            int tag = fields.peekTag();
            if (tag != Der.UTC_TIME && tag != Der.GENERALIZED_TIME) {
                throw DerReader.wrongTag();
            }
            fields.next();
            if (fields.hasNext()) {
                fields.expect(Der.SEQUENCE);
            }
            fields.expectEnd();
            entryCount++;
        }
    }

    private static Asn1Time readTime(DerReader tbs) {
        int tag = tbs.peekTag();
        if (tag != Der.UTC_TIME && tag != Der.GENERALIZED_TIME) {
            throw DerReader.wrongTag();
        }
        tbs.next();
        Asn1Time time = Asn1Time.fromDer(tag, tbs.content());
        if (time == null) {
            throw DerReader.error("invalid time format");
        }
        return time;
    }

    private static byte[] nonEmpty(byte[] content) {
        if (content.length == 0) {
            throw DerReader.error("illegal zero content");
        }
        return content;
    }

    private NameModel owned(NameModel name) {
        name.onChange(this::modified);
        return name;
    }

    private void modified() {
        signed.invalidate();
    }

    /** The version field (0 for v1, 1 for v2), or {@code null} when absent (which means v1). */
    public BigInteger version() {
        return version;
    }

    /** Sets the version field (OpenSSL then always encodes it, even 0). */
    public void setVersion(long newVersion) {
        version = BigInteger.valueOf(newVersion);
        modified();
    }

    /** The issuer name, shared with the caller's views. */
    public NameModel issuer() {
        return issuer;
    }

    /** Replaces the issuer with a copy of {@code name}. */
    public void setIssuer(NameModel name) {
        NameModel copy = owned(name.copy());
        issuer.invalidate();
        issuer = copy;
        modified();
    }

    /** {@code thisUpdate} (OpenSSL's lastUpdate), or {@code null} when unset. */
    public Asn1Time thisUpdate() {
        return thisUpdate;
    }

    /** {@code nextUpdate}, or {@code null}. */
    public Asn1Time nextUpdate() {
        return nextUpdate;
    }

    /** Sets {@code thisUpdate}. */
    public void setThisUpdate(Asn1Time time) {
        thisUpdate = time;
        modified();
    }

    /** Sets {@code nextUpdate}. */
    public void setNextUpdate(Asn1Time time) {
        nextUpdate = time;
        modified();
    }

    /** The CRL extensions (a copy; empty when there are none). */
    public List<ExtensionModel> extensions() {
        if (extensions == null) {
            return List.of();
        }
        return ExtensionModel.readList(new DerReader(extensions).expect(Der.explicit(0)).children());
    }

    /** Appends CRL extensions (RFC 5280 §5.2), keeping the encodings of those already present. */
    public void addExtensions(List<ExtensionModel> added) {
        List<ExtensionModel> all = new ArrayList<>(extensions());
        all.addAll(added);
        extensions = all.isEmpty() ? null : Der.tlv(Der.explicit(0), ExtensionModel.encodeList(all));
        modified();
    }

    /** Number of revoked entries. */
    public int size() {
        return entries != null ? entries.size() : entryCount;
    }

    /** Entry {@code i} (the stored object: copy it before handing it out). */
    public RevokedEntry entry(int i) {
        return entries().get(i);
    }

    /**
     * The first entry with {@code serial}, or {@code null}. The first lookup scans the serials (cheaper than
     * hashing them all for one answer); the second builds a hash index that answers every later one.
     */
    public RevokedEntry find(BigInteger serial) {
        if (entries != null) {
            for (RevokedEntry entry : entries) {
                if (entry.serial().equals(serial)) {
                    return entry;
                }
            }
            return null;
        }
        int position;
        if (index != null) {
            position = index.find(serial);
        } else if (lookups++ == 0) {
            position = SerialIndex.scan(source, serialStarts, serialEnds, entryCount, serial);
        } else {
            index = SerialIndex.of(source, serialStarts, serialEnds, entryCount);
            position = index.find(serial);
        }
        return position < 0 ? null : decodeEntry(position);
    }

    private RevokedEntry decodeEntry(int position) {
        return RevokedEntry.read(new DerReader(source, entryStarts[position], source.length));
    }

    private List<RevokedEntry> entries() {
        if (entries == null) {
            List<RevokedEntry> decoded = new ArrayList<>(entryCount);
            for (int i = 0; i < entryCount; i++) {
                decoded.add(decodeEntry(i));
            }
            entries = decoded;
            index = null;
        }
        return entries;
    }

    /** Appends {@code entry} (the caller passes a copy). */
    public void add(RevokedEntry entry) {
        entries().add(entry);
        modified();
    }

    /**
     * Sorts the entries by serial number as OpenSSL's {@code X509_CRL_sort} does (by magnitude, then sign),
     * keeping the order of equal serials.
     */
    public void sortEntries() {
        List<RevokedEntry> list = entries();
        List<RevokedEntry> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((RevokedEntry e) -> e.serial().abs())
                .thenComparing(e -> e.serial().signum() < 0));
        if (!sorted.equals(list)) {
            entries = sorted;
            modified();
        }
    }

    /** The signature AlgorithmIdentifier inside the signed part, or {@code null} before signing. */
    public byte[] tbsAlgorithm() {
        return tbsAlgorithm;
    }

    /** The outer signature AlgorithmIdentifier, or {@code null}. */
    public byte[] signatureAlgorithm() {
        return signed.algorithm();
    }

    /** The signature BIT STRING element, or {@code null}. */
    public byte[] signature() {
        return signed.signature();
    }

    /** Signs: sets both algorithm fields, encodes the to-be-signed part and stores {@code signer}'s signature. */
    public void sign(byte[] algorithm, Function<byte[], byte[]> signer) {
        tbsAlgorithm = algorithm;
        signed.sign(algorithm, encodeTbs(), signer);
    }

    /**
     * The DER encoding: the input while unchanged, else a fresh one with the current signature. Shared.
     *
     * @throws CryptoException ({@code asn1 encoding routines}, {@code illegal zero content}) before the first
     *     signature or without a {@code thisUpdate}
     */
    public byte[] encoding() {
        return signed.encoding(this::encodeTbs);
    }

    /** The TBSCertList element. */
    public byte[] encodeTbs() {
        List<byte[]> parts = new ArrayList<>();
        if (version != null) {
            parts.add(Der.integer(version));
        }
        parts.add(required(tbsAlgorithm));
        parts.add(issuer.encoding());
        parts.add(required(thisUpdate).encode());
        if (nextUpdate != null) {
            parts.add(nextUpdate.encode());
        }
        if (entries == null && entryCount > 0) {
            int start = entryStarts[0];
            DerReader last = new DerReader(source, entryStarts[entryCount - 1], source.length).next();
            parts.add(Der.tlv(Der.SEQUENCE, source, start, last.end()));
        } else if (entries != null && !entries.isEmpty()) {
            List<byte[]> encoded = new ArrayList<>(entries.size());
            for (RevokedEntry entry : entries) {
                encoded.add(entry.encoding());
            }
            parts.add(Der.sequence(encoded));
        }
        if (extensions != null) {
            parts.add(extensions);
        }
        return Der.sequence(parts);
    }

    private static <T> T required(T part) {
        if (part == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        return part;
    }

    /** An independent copy. */
    public CrlModel copy() {
        if (signed.cached() != null && signed.signature() != null) {
            return read(signed.cached());
        }
        CrlModel copy = new CrlModel();
        copy.version = version;
        copy.tbsAlgorithm = tbsAlgorithm;
        copy.issuer = copy.owned(issuer.copy());
        copy.thisUpdate = thisUpdate;
        copy.nextUpdate = nextUpdate;
        copy.extensions = extensions;
        for (RevokedEntry entry : entries()) {
            copy.entries.add(entry.copy());
        }
        copy.signed = signed.unencodedCopy();
        return copy;
    }
}
