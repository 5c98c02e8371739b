package dev.portcullis.crypto.internal.text;

/** C's {@code "%*s"} with an empty string: {@code n} spaces. */
final class Indent {
    private Indent() {
    }

    private static final String SPACES = " ".repeat(64);

    static StringBuilder spaces(StringBuilder out, int n) {
        int left = n;
        while (left > 0) {
            int chunk = Math.min(left, SPACES.length());
            out.append(SPACES, 0, chunk);
            left -= chunk;
        }
        return out;
    }
}
