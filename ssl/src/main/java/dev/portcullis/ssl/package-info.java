/**
 * pyOpenSSL's {@code OpenSSL.SSL} module in Java: {@code SSL} constants, {@code Context}, {@code Connection},
 * {@code Session} and the TLS exceptions, driven over Bouncy Castle's non-blocking TLS protocol engine so
 * that a connection can run over memory buffers ({@code bioRead}/{@code bioWrite}) or over a socket.
 */
package dev.portcullis.ssl;
