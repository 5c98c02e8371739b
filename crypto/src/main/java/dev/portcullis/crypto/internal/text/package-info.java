/**
 * OpenSSL 3.0's text forms, reproduced on Bouncy Castle ASN.1 structures, so the public classes can wrap them.
 *
 * <h2>Entry points</h2>
 * <table>
 *   <caption>What to call for which pyOpenSSL / OpenSSL output</caption>
 *   <tr><th>output</th><th>call</th></tr>
 *   <tr><td>{@code repr(X509Name)}</td>
 *       <td>{@code "<X509Name object '" + NameText.oneline(name, 512) + "'>"}</td></tr>
 *   <tr><td>{@code openssl x509 -subject} / {@code -issuer}, {@code Issuer:} lines of {@code -text}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.NameText#print}</td></tr>
 *   <tr><td>names in pyOpenSSL's {@code FILETYPE_TEXT} dumps ({@code X509_NAME_print})</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.NameText#printCompat}</td></tr>
 *   <tr><td>{@code str(X509Extension)}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.ExtensionPrinter#pyOpenSslString} (throws CryptoException
 *       where pyOpenSSL raises {@code Error})</td></tr>
 *   <tr><td>{@code X509V3_EXT_print(out, ext, 0, indent)}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.ExtensionPrinter#print}</td></tr>
 *   <tr><td>an {@code X509v3 extensions:} block</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.ExtensionPrinter#appendBlock}</td></tr>
 *   <tr><td>{@code X509Extension(type_name, critical, value, subject, issuer)}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.ExtensionParser#parse}</td></tr>
 *   <tr><td>{@code openssl x509 -text -noout} / pyOpenSSL {@code dump_certificate(FILETYPE_TEXT)}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.CertificateText#print} with
 *       {@code Flavor.OPENSSL_CLI} / {@code Flavor.PYOPENSSL}</td></tr>
 *   <tr><td>{@code openssl req -text -noout} / {@code dump_certificate_request(FILETYPE_TEXT)}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.RequestText#print}</td></tr>
 *   <tr><td>{@code openssl crl -text -noout} / {@code dump_crl(FILETYPE_TEXT)}</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.CrlText#print}</td></tr>
 *   <tr><td>the public-key part of the dumps ({@code openssl pkey -pubin -text} at indent 0)</td>
 *       <td>{@link dev.portcullis.crypto.internal.text.PublicKeyText#append}</td></tr>
 * </table>
 *
 * <p>Object names (OID, short name, long name) come from
 * {@link dev.portcullis.crypto.internal.ObjectNames}, generated from the installed OpenSSL.
 *
 * <p>Strings OpenSSL prints as raw bytes are decoded as UTF-8 (what pyOpenSSL does with a BIO's contents);
 * bytes that are not UTF-8 become U+FFFD, where pyOpenSSL's {@code str()} would raise UnicodeDecodeError.
 * OpenSSL 3.0's quirks are kept on purpose, since the dumps must match it line for line: no newline
 * between a distribution point's names and a following {@code Reasons:} line, an empty line after
 * extensions whose printer ends with a newline, extensions that print only when indented
 * (holdInstructionCode, OCSP nonce, archive cutoff).
 */
package dev.portcullis.crypto.internal.text;
