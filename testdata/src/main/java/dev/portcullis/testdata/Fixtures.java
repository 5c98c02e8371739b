package dev.portcullis.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Access to the fixture files under {@code fixtures/} on the class path. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The bytes of fixture {@code name} (a path relative to {@code fixtures/}). */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture named " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
