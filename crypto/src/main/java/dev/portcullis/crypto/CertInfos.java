package dev.portcullis.crypto;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.portcullis.crypto.internal.verify.CertInfo;

/**
 * The verification engine's view of an {@link X509}, kept while the object lives (like the extension data OpenSSL
 * caches inside an {@code X509}); the cache is keyed by object identity and re-checked against the current encoding,
 * so a certificate changed after verification is parsed again. New objects with known bytes share the engine's
 * parsed form through {@link CertInfo#cached(byte[])}.
 */
final class CertInfos {
    private record Entry(byte[] source, CertInfo info) {
    }

    private static final Map<X509, Entry> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private CertInfos() {
    }

    static CertInfo of(X509 cert) {
        byte[] der = encoding(cert);
        Entry e = CACHE.get(cert);
        if (e != null && (e.source == der || Arrays.equals(e.source, der))) {
            return e.info;
        }
        CertInfo info = CertInfo.cached(der);
        CACHE.put(cert, new Entry(der, info));
        return info;
    }

    private static byte[] encoding(X509 cert) {
        try {
            byte[] der = cert.model().encoding();
            if (der != null) {
                return der;
            }
        } catch (RuntimeException e) {
            // fall through: dumpCertificate raises the proper CryptoException for an unsigned or incomplete certificate
        }
        return Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert);
    }
}
