package dev.portcullis.compat;

import dev.portcullis.compat.internal.DbContent;
import dev.portcullis.compat.internal.DbFiles;
import dev.portcullis.compat.internal.KeyVault;
import dev.portcullis.compat.internal.Pkcs11;
import dev.portcullis.compat.internal.StoredObject;
import dev.portcullis.compat.internal.TrustReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Trust of the certificates of one read, decoded on first use: when logged in, every trust object costs several
 * MAC checks of 10,000 PBKDF2 iterations each (NSS's design), so a listing of nicknames or keys need not pay for
 * them. A trust object that fails its check is looked at again (up to three times per read, after a short pause
 * and a fresh read): NSS commits a new trust object (cert9.db) and its MAC (key4.db) in two transactions.
 */
final class TrustSource {
    private static final long RETRY_DELAY_MS = 300;
    private static final int RETRIES = 3;

    private final DbFiles files;
    private final KeyVault vault;
    private final BooleanSupplier closed;
    private Map<String, List<StoredObject>> index;
    private TrustReader reader;
    private int retriesLeft = RETRIES;
    private final List<String> tampered = new ArrayList<>();

    TrustSource(DbFiles files, DbContent content, KeyVault vault, BooleanSupplier closed) {
        this.files = files;
        this.vault = vault;
        this.closed = closed;
        use(content);
    }

    private void use(DbContent content) {
        index = new HashMap<>();
        for (long cls : new long[] {Pkcs11.CKO_TRUST, Pkcs11.CKO_NSS_TRUST}) {
            for (StoredObject t : content.publicOfClass(cls)) {
                index.computeIfAbsent(issuerSerial(t), x -> new ArrayList<>()).add(t);
            }
        }
        reader = new TrustReader(vault == null ? null : vault.integrity(content.metaData()));
    }

    /** The trust of the certificate {@code cert} (DER {@code der}); {@code user}: the database holds its key. */
    synchronized NssTrust trustOf(StoredObject cert, byte[] der, boolean user, String nickname) {
        if (closed.getAsBoolean()) {
            throw new NssDbException("the NSS database is closed");
        }
        NssTrust t = reader.trustOf(der, index.getOrDefault(issuerSerial(cert), List.of()), user);
        while (t.status() == NssTrust.Status.IGNORED_TAMPERED && retriesLeft > 0) {
            retriesLeft--; // a few re-reads per catalog, so a truly tampered database costs under a second once
            try {
                Thread.sleep(RETRY_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            use(files.read());
            t = reader.trustOf(der, index.getOrDefault(issuerSerial(cert), List.of()), user);
        }
        if (t.status() == NssTrust.Status.IGNORED_TAMPERED) {
            tampered.add("trust of \"" + nickname + "\" failed its integrity check and is ignored");
        }
        return t;
    }

    /** The problems found so far. */
    synchronized List<String> problems() {
        return List.copyOf(tampered);
    }

    static String issuerSerial(StoredObject o) {
        byte[] issuer = o.raw(Pkcs11.CKA_ISSUER);
        byte[] serial = o.raw(Pkcs11.CKA_SERIAL_NUMBER);
        return (issuer == null ? "-" : HexFormat.of().formatHex(issuer)) + "/"
                + (serial == null ? "-" : HexFormat.of().formatHex(serial));
    }
}
