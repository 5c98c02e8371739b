package dev.portcullis.crypto.internal.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.rand.Rand;

/** Building JSSE key stores, key managers, trust managers and SSL contexts from keys and certificates. */
public final class Jsse {
    private static final char[] INTERNAL_PASSWORD = "portcullis".toCharArray();

    private Jsse() {
    }

    /** An in-memory PKCS12 key store with one private-key entry, alias {@code "key"}. */
    public static KeyStore keyStore(PrivateKey key, X509Certificate[] path, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key, password, path);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw failure("cannot build a key store", e);
        }
    }

    /** An in-memory PKCS12 trust store with one trusted-certificate entry per root ({@code root-0}, …). */
    public static KeyStore trustStore(List<X509Certificate> roots) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < roots.size(); i++) {
                store.setCertificateEntry("root-" + i, roots.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw failure("cannot build a trust store", e);
        }
    }

    /** A SunX509 key manager factory over one key and its certificate path. */
    public static KeyManagerFactory keyManagerFactory(PrivateKey key, X509Certificate[] path) {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore(key, path, INTERNAL_PASSWORD), INTERNAL_PASSWORD);
            return factory;
        } catch (GeneralSecurityException e) {
            throw failure("cannot build a key manager", e);
        }
    }

    /** The X509KeyManager a factory made. */
    public static X509KeyManager keyManager(KeyManagerFactory factory) {
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509KeyManager x509) {
                return x509;
            }
        }
        throw new CryptoException("JSSE", "the key manager factory made no X509KeyManager");
    }

    /** A PKIX trust manager factory over a trust store. */
    public static TrustManagerFactory trustManagerFactory(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return factory;
        } catch (GeneralSecurityException e) {
            throw failure("cannot build a trust manager", e);
        }
    }

    /** The X509TrustManager a factory made. */
    public static X509TrustManager trustManager(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new CryptoException("JSSE", "the trust manager factory made no X509TrustManager");
    }

    /** A TLS SSLContext with the given key and trust managers (either may be null for the JDK's defaults). */
    public static SSLContext sslContext(KeyManagerFactory keys, TrustManagerFactory trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    Rand.secureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw failure("cannot build an SSLContext", e);
        }
    }

    private static CryptoException failure(String what, Exception e) {
        return new CryptoException("JSSE", what + ": " + e.getMessage(), e);
    }
}
