package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSL's {@code X509V3_parse_list}: {@code "name:value, name, name:value"} split at commas, each item
 * split at its first colon, names and values trimmed of spaces; the text ends at a CR or LF. An empty
 * name is {@code invalid empty name}, an empty value {@code invalid null value}.
 */
final class ConfList {
    private ConfList() {
    }

    static List<ConfValue> parse(String line) {
        List<ConfValue> values = new ArrayList<>();
        String name = null;
        boolean inValue = false;
        int start = 0;
        int end = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\r' || c == '\n') {
                end = i;
                break;
            }
            if (!inValue && c == ':') {
                name = required(line.substring(start, i), "invalid empty name");
                inValue = true;
                start = i + 1;
            } else if (c == ',') {
                if (inValue) {
                    values.add(new ConfValue(name, required(line.substring(start, i), "invalid null value")));
                    inValue = false;
                } else {
                    values.add(new ConfValue(required(line.substring(start, i), "invalid empty name"), null));
                }
                start = i + 1;
            }
        }
        String last = line.substring(Math.min(start, end), end);
        if (inValue) {
            values.add(new ConfValue(name, required(last, "invalid null value")));
        } else {
            values.add(new ConfValue(required(last, "invalid empty name"), null));
        }
        return values;
    }

    /** C's {@code strip_spaces}: trimmed text, or the error when nothing is left. */
    private static String required(String text, String reason) {
        String s = stripSpaces(text);
        if (s.isEmpty()) {
            throw V3Error.of(reason, "invalid extension string");
        }
        return s;
    }

    static String stripSpaces(String text) {
        int a = 0;
        int b = text.length();
        while (a < b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return text.substring(a, b);
    }
}
