package dev.portcullis.ssl.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.tls.TlsUtils;

/**
 * OpenSSL's cipher names and cipher-string language over the cipher suites bctls implements.
 *
 * <p>The data (names, ids, strengths, which ciphers each keyword such as {@code HIGH} or {@code kECDHE} selects, the
 * base order and the {@code DEFAULT} list) were printed by OpenSSL 3.0 itself ({@code ssl/gen/openssl-ciphers.sh});
 * only ciphers bctls can run are kept. The language, as in {@code ciphers(1)}: elements separated by {@code :}
 * (or space, comma, semicolon); {@code A+B} selects ciphers matching both; no prefix appends the matching ciphers
 * not yet listed, {@code -} removes them (they may come back), {@code !} removes them for good, {@code +} moves them
 * to the end; {@code @STRENGTH} sorts by key length; {@code @SECLEVEL=n} is accepted; unknown words match nothing.
 */
public final class OpenSslCiphers {
    /** One cipher suite as OpenSSL names it. */
    public record Cipher(int id, String name, String version, int bits) {
    }

    private static final List<Cipher> BASE = new ArrayList<>();
    private static final List<Cipher> TLS13 = new ArrayList<>();
    private static final Map<String, Cipher> BY_NAME = new HashMap<>();
    private static final Map<Integer, Cipher> BY_ID = new HashMap<>();
    private static final Map<String, Set<String>> ALIASES = new HashMap<>();
    private static final List<String> DEFAULT = new ArrayList<>();
    /** OpenSSL 3's default TLS 1.3 suite order. */
    public static final String DEFAULT_TLS13 = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";

    static {
        try (InputStream in = OpenSslCiphers.class.getResourceAsStream("openssl-ciphers.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                load(line.trim().split("\\s+"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(String[] f) {
        switch (f[0]) {
            case "cipher":
            case "suite": {
                int id = Integer.parseInt(f[1], 16);
                if (!TlsUtils.isSupportedCipherSuite(HybridTlsCrypto.shared(), id)) {
                    return;
                }
                boolean tls13 = f[0].equals("suite");
                Cipher c = new Cipher(id, f[2], tls13 ? "TLSv1.3" : f[3], Integer.parseInt(tls13 ? f[3] : f[4]));
                (tls13 ? TLS13 : BASE).add(c);
                BY_NAME.put(c.name(), c);
                BY_ID.put(id, c);
                return;
            }
            case "alias":
                ALIASES.put(f[1], new HashSet<>(Arrays.asList(f).subList(2, f.length)));
                return;
            case "default":
                DEFAULT.addAll(Arrays.asList(f).subList(1, f.length));
                return;
            default:
        }
    }

    private OpenSslCiphers() {
    }

    /** The cipher with bctls/IANA id {@code id}, or {@code null}. */
    public static Cipher byId(int id) {
        return BY_ID.get(id);
    }

    /** OpenSSL's {@code DEFAULT} list (TLS 1.2 and below). */
    public static List<Cipher> defaults() {
        List<Cipher> list = new ArrayList<>();
        for (String name : DEFAULT) {
            Cipher c = BY_NAME.get(name);
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }

    /**
     * Evaluates an OpenSSL cipher string over the TLS 1.2-and-below ciphers; an empty result means "no cipher match".
     */
    public static List<Cipher> parse(String cipherString) {
        List<Cipher> active = new ArrayList<>();
        Set<Cipher> killed = new HashSet<>();
        for (String element : cipherString.split("[:, ;]+")) {
            if (element.isEmpty()) {
                continue;
            }
            if (element.startsWith("@")) {
                if (element.equalsIgnoreCase("@STRENGTH")) {
                    active.sort(Comparator.comparingInt(Cipher::bits).reversed());
                }
                continue;
            }
            char op = element.charAt(0);
            String words = op == '!' || op == '-' || op == '+' ? element.substring(1) : element;
            List<Cipher> matching = select(words);
            switch (op) {
                case '!':
                    killed.addAll(matching);
                    active.removeAll(matching);
                    break;
                case '-':
                    active.removeAll(matching);
                    break;
                case '+':
                    List<Cipher> moved = new ArrayList<>(active);
                    moved.retainAll(matching);
                    active.removeAll(moved);
                    active.addAll(moved);
                    break;
                default:
                    for (Cipher c : matching) {
                        if (!killed.contains(c) && !active.contains(c)) {
                            active.add(c);
                        }
                    }
            }
        }
        return active;
    }

    /** The ciphers matching every {@code +}-joined word of {@code words}, in base (or DEFAULT) order. */
    private static List<Cipher> select(String words) {
        if (words.equals("DEFAULT")) {
            return defaults();
        }
        Set<String> names = null;
        for (String word : words.split("\\+")) {
            Set<String> set = ALIASES.get(word);
            if (set == null) {
                set = BY_NAME.containsKey(word) ? Set.of(word) : Set.of();
            }
            if (names == null) {
                names = new HashSet<>(set);
            } else {
                names.retainAll(set);
            }
        }
        List<Cipher> result = new ArrayList<>();
        for (Cipher c : BASE) {
            if (names != null && names.contains(c.name())) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * Parses a TLS 1.3 suite list ({@code TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384}); unknown names are skipped,
     * an empty result means "no cipher match".
     */
    public static List<Cipher> parseTls13(String suites) {
        Set<Cipher> result = new LinkedHashSet<>();
        for (String name : suites.split(":")) {
            Cipher c = BY_NAME.get(name.trim());
            if (c != null && c.version().equals("TLSv1.3")) {
                result.add(c);
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(result));
    }
}
