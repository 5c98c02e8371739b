package dev.portcullis.compat;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * A JSSE key manager over an NSS database: aliases are nicknames of certificates whose key the database holds;
 * client certificates are chosen by the issuers the server names, as {@link ClientCertificates} describes.
 */
final class NssDbKeyManager extends X509ExtendedKeyManager {
    private final NssDb db;

    NssDbKeyManager(NssDb db) {
        this.db = db;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliases(keyType, issuers, true);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        for (String keyType : keyTypes == null ? new String[] {null} : keyTypes) {
            List<NssCertificate> usable = usable(keyType, true);
            NssCertificate c = ClientCertificates.select(usable, names(issuers), Instant.now());
            if (c != null && c.nickname() != null) {
                return c.nickname();
            }
        }
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chooseClientAlias(keyTypes, issuers, null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliases(keyType, issuers, false);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        String[] a = getServerAliases(keyType, issuers);
        return a == null ? null : a[0];
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        NssCertificate c = withKey(alias);
        return c == null ? null : Chains.chainOf(c, db.certificates());
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        NssCertificate c = withKey(alias);
        return c == null ? null : c.privateKey().toJavaPrivateKey();
    }

    private NssCertificate withKey(String alias) {
        if (alias == null) {
            return null;
        }
        for (NssCertificate c : db.findByNickname(alias)) {
            if (c.hasPrivateKey()) {
                return c;
            }
        }
        return null;
    }

    private String[] aliases(String keyType, Principal[] issuers, boolean client) {
        List<String> out = new ArrayList<>();
        List<byte[]> names = names(issuers);
        for (NssCertificate c : usable(keyType, client)) {
            if (names.isEmpty() || ClientCertificates.select(List.of(c), names, Instant.now()) != null
                    || !client && issuedByOneOf(c, names)) {
                if (!out.contains(c.nickname())) {
                    out.add(c.nickname());
                }
            }
        }
        return out.isEmpty() ? null : out.toArray(new String[0]);
    }

    private static boolean issuedByOneOf(NssCertificate c, List<byte[]> names) {
        for (byte[] n : names) {
            if (java.util.Arrays.equals(n, c.issuer().getEncoded())) {
                return true;
            }
        }
        return false;
    }

    private List<NssCertificate> usable(String keyType, boolean client) {
        List<NssCertificate> out = new ArrayList<>();
        for (NssCertificate c : db.certificates()) {
            if (c.hasPrivateKey() && c.nickname() != null && keyTypeMatches(keyType, c) && (client || usableForServer(c))) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean keyTypeMatches(String keyType, NssCertificate c) {
        if (keyType == null) {
            return true;
        }
        String alg = c.toJavaCertificate().getPublicKey().getAlgorithm();
        String base = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
        return base.equalsIgnoreCase(alg) || base.equals("EC") && alg.equals("EC")
                || base.equals("RSASSA-PSS") && alg.equals("RSA");
    }

    private static boolean usableForServer(NssCertificate c) {
        try {
            List<String> eku = c.toJavaCertificate().getExtendedKeyUsage();
            return eku == null || eku.contains("1.3.6.1.5.5.7.3.1") || eku.contains("2.5.29.37.0");
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    static List<byte[]> names(Principal[] issuers) {
        List<byte[]> names = new ArrayList<>();
        if (issuers != null) {
            for (Principal p : issuers) {
                if (p instanceof X500Principal x) {
                    names.add(x.getEncoded());
                } else if (p != null) {
                    try {
                        names.add(new X500Principal(p.getName()).getEncoded());
                    } catch (IllegalArgumentException e) {
                        // a name JSSE could not have sent in DER; ignore it
                    }
                }
            }
        }
        return names;
    }
}
