/**
 * Reading Mozilla NSS databases (the SQLite {@code cert9.db} and {@code key4.db} files of an {@code sql:}
 * directory) without native NSS: certificates with their nicknames and trust flags, private keys decrypted with
 * the database password and checked against NSS's integrity MACs, and bridges that hand them to JSSE and to
 * Portcullis TLS.
 *
 * <ul>
 * <li>{@link dev.portcullis.compat.NssDb}: open ({@code "sql:/etc/pki/nssdb"}), {@code login}, list and look up;</li>
 * <li>{@link dev.portcullis.compat.NssCertificate}, {@link dev.portcullis.compat.NssTrust},
 *     {@link dev.portcullis.compat.NssPrivateKey}: what certutil {@code -L} and {@code -K} show, as objects;</li>
 * <li>{@link dev.portcullis.compat.NssDbJsse}: {@code SSLContext}, key and trust managers, a key store;
 *     {@link dev.portcullis.compat.NssDbProvider}: the {@code "NSSDB"} {@code KeyStore} type;</li>
 * <li>{@link dev.portcullis.compat.NssDb#toX509Store}: the trusted CAs as a Portcullis {@code X509Store};
 *     {@link dev.portcullis.compat.ClientCertificates}: NSS's client-certificate choice.</li>
 * </ul>
 */
package dev.portcullis.compat;
