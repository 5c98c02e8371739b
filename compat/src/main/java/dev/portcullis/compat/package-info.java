/**
 * Reading Mozilla NSS databases (the SQLite {@code cert9.db} and {@code key4.db} files) without native NSS:
 * certificates with their nicknames and trust flags, private keys decrypted with the database password,
 * and bridges that hand them to JSSE and to Portcullis TLS.
 */
package dev.portcullis.compat;
