package dev.portcullis.crypto.internal.text;

/** C's {@code "%*s"} with an empty string: {@code n} spaces. */
final class Indent {
    private Indent() {
    }

    static StringBuilder spaces(StringBuilder out, int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
        return out;
    }
}
