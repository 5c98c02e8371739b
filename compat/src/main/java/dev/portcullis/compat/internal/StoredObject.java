package dev.portcullis.compat.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One row of {@code nssPublic} or {@code nssPrivate}, copied into memory: the row id and every attribute that is
 * present (SQL NULL = absent; the explicit-NULL marker {@code A5 00 5A} = present and empty, nssdb-format.md §3).
 */
public final class StoredObject {
    private final long id;
    private final Map<Long, byte[]> attributes;

    StoredObject(long id, Map<Long, byte[]> attributes) {
        this.id = id;
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    /** The raw table id (names the MAC rows; links nothing). */
    public long id() {
        return id;
    }

    /** Whether the attribute is present (possibly empty). */
    public boolean has(long type) {
        return attributes.containsKey(type);
    }

    /** The stored bytes of an attribute (a copy), or {@code null} when absent. */
    public byte[] bytes(long type) {
        byte[] v = attributes.get(type);
        return v == null ? null : v.clone();
    }

    /** The stored bytes, without copying; callers must not modify them. */
    public byte[] raw(long type) {
        return attributes.get(type);
    }

    /** The attribute as a non-empty byte array, or {@code null} when absent or empty. */
    public byte[] nonEmpty(long type) {
        byte[] v = attributes.get(type);
        return v == null || v.length == 0 ? null : v.clone();
    }

    /** A CK_ULONG attribute (4-byte big-endian, unsigned), or empty when absent or not 4 bytes long. */
    public OptionalLong ulong(long type) {
        byte[] v = attributes.get(type);
        if (v == null || v.length != 4) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(((v[0] & 0xFFL) << 24) | ((v[1] & 0xFFL) << 16) | ((v[2] & 0xFFL) << 8) | (v[3] & 0xFFL));
    }

    /** The object class, or -1 when the row has none. */
    public long objectClass() {
        return ulong(Pkcs11.CKA_CLASS).orElse(-1L);
    }

    /** An unsigned big-endian integer attribute, or {@code null} when absent or empty. */
    public BigInteger unsigned(long type) {
        byte[] v = attributes.get(type);
        return v == null || v.length == 0 ? null : new BigInteger(1, v);
    }

    /** Whether two objects hold byte-equal values of {@code type} (both present). */
    public boolean sameValue(StoredObject other, long type) {
        byte[] a = attributes.get(type);
        byte[] b = other.attributes.get(type);
        return a != null && b != null && Arrays.equals(a, b);
    }

    @Override
    public String toString() {
        return "StoredObject[id=" + Long.toHexString(id) + ", class=" + Long.toHexString(objectClass()) + "]";
    }
}
