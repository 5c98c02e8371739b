/**
 * OpenSSL's text forms, reproduced on Bouncy Castle ASN.1 structures: names ({@code X509_NAME_oneline},
 * {@code X509_NAME_print_ex}), extension values ({@code X509V3_EXT_print}), the v3 configuration syntax
 * ({@code X509V3_EXT_conf}) and the {@code openssl x509/req/crl -text} dumps.
 *
 * <p>Everything here works on {@code org.bouncycastle.asn1} types only, so the public classes can wrap it.
 * Strings OpenSSL prints as raw bytes are decoded as UTF-8 (what pyOpenSSL does with the BIO's contents).
 */
package dev.portcullis.crypto.internal.text;
