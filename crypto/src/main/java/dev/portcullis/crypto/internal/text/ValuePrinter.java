package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Prints one decoded extension value as OpenSSL's method for that extension does ({@code i2s}, {@code i2v}
 * or {@code i2r}), each line starting with {@code indent} spaces. A value that does not have the
 * expected ASN.1 shape makes the printer throw (any {@link RuntimeException}): OpenSSL then treats the
 * extension as unprintable.
 */
@FunctionalInterface
interface ValuePrinter {
    void print(StringBuilder out, ASN1Primitive value, int indent);
}
