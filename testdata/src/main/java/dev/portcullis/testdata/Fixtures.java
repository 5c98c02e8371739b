package dev.portcullis.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access to the fixture corpus under {@code fixtures/} on the class path.
 *
 * <p>Every fixture was made by a real tool (openssl, pyOpenSSL, certutil, pk12util, keytool) run by
 * {@code testdata/generate}; what those tools printed about each fixture is stored in
 * {@code fixtures/<area>/expected.json} and read with {@link #expected(String)}. Names are paths
 * relative to {@code fixtures/}, with {@code /} separators, for example {@code keys/rsa2048.pkcs8.pem}.
 * {@code fixtures/index.txt} lists every file, so {@link #list(String)} works from a jar too.
 */
public final class Fixtures {
    private static final String ROOT = "/fixtures/";
    private static final Map<String, Object> EXPECTED = new ConcurrentHashMap<>();
    private static volatile List<String> index;

    private Fixtures() {
    }

    /**
     * The bytes of fixture {@code name}.
     *
     * @param name a path relative to {@code fixtures/}, e.g. {@code keys/rsa2048.pkcs8.der}
     * @return the file's content
     * @throws IllegalArgumentException if there is no such fixture
     */
    public static byte[] bytes(String name) {
        checkName(name);
        try (InputStream in = Fixtures.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture named " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + name, e);
        }
    }

    /**
     * The content of fixture {@code name} decoded as UTF-8 (PEM files, tool output).
     *
     * @param name a path relative to {@code fixtures/}
     * @return the file's text
     * @throws IllegalArgumentException if there is no such fixture
     */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * The names of all fixtures whose name starts with {@code prefix}, sorted, from
     * {@code fixtures/index.txt}. {@code list("nss/password/")} lists one NSS database directory;
     * {@code list("")} lists everything.
     *
     * @param prefix a name prefix (a directory prefix should end with {@code /})
     * @return the matching names, possibly empty, unmodifiable
     */
    public static List<String> list(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null");
        }
        List<String> out = new ArrayList<>();
        for (String name : index()) {
            if (name.startsWith(prefix)) {
                out.add(name);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Copies every fixture under {@code prefix} into {@code dir}, keeping the part of each name after
     * the prefix as its relative path. Use it for code that needs real files, such as an NSS database:
     * {@code Fixtures.copyTo("nss/password/", tmp)} yields {@code tmp/cert9.db}, {@code tmp/key4.db}, ...
     *
     * @param prefix a name prefix; normally a directory ending with {@code /}
     * @param dir the target directory (created if missing)
     * @return the paths written, in name order
     * @throws IllegalArgumentException if no fixture matches {@code prefix}
     */
    public static List<Path> copyTo(String prefix, Path dir) {
        List<String> names = list(prefix);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no fixture starts with " + prefix);
        }
        int cut = prefix.endsWith("/") || prefix.isEmpty() ? prefix.length() : prefix.lastIndexOf('/') + 1;
        List<Path> written = new ArrayList<>();
        try {
            for (String name : names) {
                Path target = dir.resolve(name.substring(cut)).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IllegalArgumentException("fixture name escapes the target: " + name);
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes(name));
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy fixtures " + prefix + " to " + dir, e);
        }
        return Collections.unmodifiableList(written);
    }

    /**
     * The expected values of an area, parsed from {@code fixtures/<area>/expected.json} with {@link Json}
     * (objects are {@code Map<String,Object>}, arrays {@code List<Object>}). The schema of each area is
     * described in testdata/README.md.
     *
     * @param area an area name such as {@code keys}, {@code x509}, {@code verify}
     * @return the parsed document (shared: do not modify it)
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> expected(String area) {
        Object doc = EXPECTED.computeIfAbsent(area, a -> Json.parse(text(a + "/expected.json")));
        if (!(doc instanceof Map)) {
            throw new IllegalStateException(area + "/expected.json is not a JSON object");
        }
        return (Map<String, Object>) doc;
    }

    /**
     * A value inside an area's expected.json: {@code Fixtures.expected("x509", "certs", "chain/root", "pyopenssl")}.
     *
     * @param area the area name
     * @param path member names ({@code String}) and array indexes ({@code Integer}), see {@link Json#at}
     * @return the value found
     * @throws IllegalArgumentException naming the path if it does not exist
     */
    public static Object expected(String area, Object... path) {
        return Json.at(expected(area), path);
    }

    /**
     * The versions of the tools that made the corpus ({@code fixtures/versions.json}).
     *
     * @return e.g. {@code {"openssl": "OpenSSL 3.0...", "pyOpenSSL": "23.0.0", ...}}
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> versions() {
        return (Map<String, Object>) Json.parse(text("versions.json"));
    }

    private static List<String> index() {
        List<String> names = index;
        if (names == null) {
            List<String> read = new ArrayList<>();
            for (String line : text("index.txt").split("\n")) {
                if (!line.isBlank()) {
                    read.add(line.strip());
                }
            }
            Collections.sort(read);
            names = Collections.unmodifiableList(read);
            index = names;
        }
        return names;
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/")) {
            throw new IllegalArgumentException("bad fixture name: " + name);
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("bad fixture name: " + name);
            }
        }
    }
}
