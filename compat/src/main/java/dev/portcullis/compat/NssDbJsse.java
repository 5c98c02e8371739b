package dev.portcullis.compat;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An NSS database in JSSE's shapes, so any JVM client or server uses its keys and trust:
 *
 * <pre>{@code
 * NssDb db = NssDb.open("sql:/etc/pki/nssdb");
 * db.login(password);
 * HttpClient client = HttpClient.newBuilder().sslContext(NssDbJsse.sslContext(db)).build();
 * // OkHttp:  builder.sslSocketFactory(ctx.getSocketFactory(), NssDbJsse.trustManager(db))
 * // Netty:   SslContextBuilder.forClient().keyManager(NssDbJsse.keyManager(db)).trustManager(NssDbJsse.trustManager(db))
 * }</pre>
 *
 * <p>The key manager offers the certificates whose private keys the database holds (aliases are nicknames),
 * choosing a client certificate by the CAs the server names; the trust manager follows the database's trust
 * flags per purpose ({@link NssTrust}). Both read the database as it is when they are made; call again after
 * {@link NssDb#refresh()} to see later changes. The database must stay open (and logged in, for keys) while
 * they are used.
 */
public final class NssDbJsse {
    private NssDbJsse() {
    }

    /** A key manager over the database's certificates with keys. */
    public static X509ExtendedKeyManager keyManager(NssDb db) {
        return new NssDbKeyManager(Objects.requireNonNull(db, "db"));
    }

    /** A trust manager following the database's trust flags (C/T anchors, P peers, p distrusted). */
    public static X509ExtendedTrustManager trustManager(NssDb db) {
        return new NssDbTrustManager(Objects.requireNonNull(db, "db"));
    }

    /**
     * A TLS {@code SSLContext} (JDK provider, TLS 1.2 and 1.3) with both managers, ready for {@code HttpClient},
     * {@code HttpsURLConnection}, OkHttp or an {@code SSLEngine}.
     */
    public static SSLContext sslContext(NssDb db) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {keyManager(db)}, new TrustManager[] {trustManager(db)},
                    dev.portcullis.rand.Rand.secureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new NssDbException("cannot create a TLS context", e);
        }
    }

    /**
     * A read-only {@code KeyStore} of type {@code "NSSDB"} over an open database: key entries for certificates
     * with keys, trusted-certificate entries for certificates the database trusts (see {@link NssDbProvider}).
     */
    public static KeyStore keyStore(NssDb db) {
        try {
            KeyStore ks = KeyStore.getInstance(NssDbProvider.KEYSTORE_TYPE, new NssDbProvider());
            ks.load(new NssDbLoadParameter(Objects.requireNonNull(db, "db")));
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new NssDbException("cannot load the NSSDB key store", e);
        }
    }
}
