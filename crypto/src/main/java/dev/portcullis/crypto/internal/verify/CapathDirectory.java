package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenSSL hashed certificate directory ({@code openssl rehash}, {@code c_rehash}): certificates in files named
 * {@code <hash>.0}, {@code <hash>.1}, … and CRLs in {@code <hash>.r0}, … where {@code <hash>} is the eight-digit
 * lower-case hex {@link CanonicalName#hash()} of the subject (or CRL issuer). Files are read the first time a name
 * with that hash is looked up, stopping at the first missing index, as OpenSSL's {@code by_dir} lookup does.
 * An unreadable or malformed file ends the scan for that hash, as in OpenSSL.
 */
final class CapathDirectory {
    private final Path dir;
    private final Map<Long, List<CertInfo>> certs = new HashMap<>();
    private final Map<Long, List<CrlInfo>> crls = new HashMap<>();

    CapathDirectory(Path dir) {
        this.dir = dir;
    }

    synchronized List<CertInfo> certificates(CanonicalName subject) {
        return certs.computeIfAbsent(subject.hash(), h -> {
            List<CertInfo> out = new ArrayList<>();
            for (PemBundle b : read(h, "")) {
                out.addAll(b.certificates());
            }
            return out;
        });
    }

    synchronized List<CrlInfo> crls(CanonicalName issuer) {
        return crls.computeIfAbsent(issuer.hash(), h -> {
            List<CrlInfo> out = new ArrayList<>();
            for (PemBundle b : read(h, "r")) {
                out.addAll(b.crls());
            }
            return out;
        });
    }

    private List<PemBundle> read(long hash, String kind) {
        List<PemBundle> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Path file = dir.resolve(String.format(Locale.ROOT, "%08x.%s%d", hash, kind, i));
            if (!Files.isRegularFile(file)) {
                break;
            }
            try {
                out.add(PemBundle.parse(Files.readAllBytes(file)));
            } catch (IOException | IllegalArgumentException e) {
                break; // as OpenSSL's by_dir: a file that does not load ends the scan for this hash
            }
        }
        return out;
    }
}
