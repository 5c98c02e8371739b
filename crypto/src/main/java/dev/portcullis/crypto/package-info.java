/**
 * pyOpenSSL's {@code OpenSSL.crypto} module in Java: {@code X509}, {@code X509Name}, {@code X509Req},
 * {@code X509Extension}, {@code PKey}, {@code PKCS7}, {@code PKCS12}, {@code NetscapeSPKI}, {@code CRL},
 * {@code Revoked}, {@code X509Store}, {@code X509StoreContext} and the module functions in {@code Crypto}.
 *
 * <p>Names follow pyOpenSSL mechanically: {@code crypto.load_certificate(FILETYPE_PEM, buf)} becomes
 * {@code Crypto.loadCertificate(Crypto.FILETYPE_PEM, buf)}.
 */
package dev.portcullis.crypto;
