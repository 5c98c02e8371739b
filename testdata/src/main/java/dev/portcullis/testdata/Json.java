package dev.portcullis.testdata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for the expected values stored with the fixtures.
 *
 * <p>Mapping: object → {@code LinkedHashMap<String,Object>} (member order kept; a duplicate name is an
 * error), array → {@code List<Object>}, string → {@code String} (every escape, including {@code \\uXXXX}
 * surrogate pairs), integer → {@code Long}, or {@code BigInteger} when it does not fit a long, number
 * with a fraction or exponent → {@code BigDecimal}, {@code true}/{@code false} → {@code Boolean},
 * {@code null} → {@code null}. Malformed input raises {@link IllegalArgumentException} naming the line
 * and column.
 */
public final class Json {
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses one JSON value; only whitespace may follow it.
     *
     * @param text the JSON document
     * @return the value (see the class comment for the Java types)
     * @throws IllegalArgumentException if {@code text} is not valid JSON
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("JSON text must not be null");
        }
        Json parser = new Json(text);
        parser.skipWhitespace();
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    /**
     * Walks into a parsed document: each path element is a member name ({@code String}) or an array index
     * ({@code Integer}). {@code Json.at(doc, "certs", "chain/root", "pyopenssl", "serial")}.
     *
     * @param node a parsed value
     * @param path member names and indexes
     * @return the value found (may be {@code null} for a JSON null)
     * @throws IllegalArgumentException naming the path if a member or index is missing or a step is not a container
     */
    public static Object at(Object node, Object... path) {
        Object current = node;
        StringBuilder where = new StringBuilder("$");
        for (Object step : path) {
            if (step instanceof String name && current instanceof Map<?, ?> map) {
                if (!map.containsKey(name)) {
                    throw new IllegalArgumentException("no member \"" + name + "\" at " + where + " (members: "
                            + map.keySet() + ")");
                }
                current = map.get(name);
                where.append('.').append(name);
            } else if (step instanceof Integer index && current instanceof List<?> list) {
                if (index < 0 || index >= list.size()) {
                    throw new IllegalArgumentException("index " + index + " out of range at " + where + " (size "
                            + list.size() + ")");
                }
                current = list.get(index);
                where.append('[').append(index).append(']');
            } else {
                throw new IllegalArgumentException("cannot apply " + step + " to " + typeName(current) + " at " + where);
            }
        }
        return current;
    }

    /**
     * The value as a JSON object.
     *
     * @param node a parsed value
     * @return the object's members in document order
     * @throws IllegalArgumentException if it is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object node) {
        if (node instanceof Map<?, ?>) {
            return (Map<String, Object>) node;
        }
        throw new IllegalArgumentException("expected a JSON object, found " + typeName(node));
    }

    /**
     * The value as a JSON array.
     *
     * @param node a parsed value
     * @return the elements
     * @throws IllegalArgumentException if it is not an array
     */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object node) {
        if (node instanceof List<?>) {
            return (List<Object>) node;
        }
        throw new IllegalArgumentException("expected a JSON array, found " + typeName(node));
    }

    /**
     * The value as a JSON string.
     *
     * @param node a parsed value
     * @return the string
     * @throws IllegalArgumentException if it is not a string
     */
    public static String asString(Object node) {
        if (node instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a JSON string, found " + typeName(node));
    }

    /**
     * The value as an integer of any size ({@code Long} or {@code BigInteger} from the parser).
     *
     * @param node a parsed value
     * @return the integer
     * @throws IllegalArgumentException if it is not an integral JSON number
     */
    public static BigInteger asBigInteger(Object node) {
        if (node instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (node instanceof BigInteger b) {
            return b;
        }
        throw new IllegalArgumentException("expected a JSON integer, found " + typeName(node));
    }

    private static String typeName(Object node) {
        if (node == null) {
            return "null";
        }
        if (node instanceof Map) {
            return "an object";
        }
        if (node instanceof List) {
            return "an array";
        }
        if (node instanceof String) {
            return "a string";
        }
        if (node instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character " + describe(c) + ", expected a value");
        }
    }

    private Map<String, Object> object() {
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int namePos = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value();
            if (map.containsKey(name)) {
                pos = namePos;
                throw error("duplicate member name \"" + name + "\"");
            }
            map.put(name, value);
            skipWhitespace();
            char c = next("',' or '}' in an object");
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object, found " + describe(c));
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = next("',' or ']' in an array");
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array, found " + describe(c));
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next("closing '\"' of a string");
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                pos--;
                throw error("control character " + describe(c) + " must be escaped in a string");
            } else {
                sb.append(c);
            }
        }
    }

    private void escape(StringBuilder sb) {
        char c = next("an escape character after '\\'");
        switch (c) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u': unicodeEscape(sb); break;
            default:
                pos--;
                throw error("invalid escape \\" + c);
        }
    }

    private void unicodeEscape(StringBuilder sb) {
        char unit = hex4();
        if (Character.isHighSurrogate(unit)) {
            if (text.startsWith("\\u", pos)) {
                pos += 2;
                char low = hex4();
                if (!Character.isLowSurrogate(low)) {
                    pos -= 6;
                    throw error("high surrogate \\u" + hexOf(unit) + " is not followed by a low surrogate");
                }
                sb.append(unit).append(low);
                return;
            }
            throw error("high surrogate \\u" + hexOf(unit) + " is not followed by a low surrogate");
        }
        if (Character.isLowSurrogate(unit)) {
            pos -= 6;
            throw error("lone low surrogate \\u" + hexOf(unit));
        }
        sb.append(unit);
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("\\u escape needs four hex digits");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                pos += i;
                throw error("invalid hex digit " + describe(text.charAt(pos)) + " in a \\u escape");
            }
            v = (v << 4) | d;
        }
        pos += 4;
        return (char) v;
    }

    private Number number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit in a number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String literal = text.substring(start, pos);
        if (!integral) {
            return new BigDecimal(literal);
        }
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected characters, expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private char next(String what) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected " + what);
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'" + (pos < text.length() ? ", found " + describe(text.charAt(pos)) : ""));
        }
        pos++;
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : "U+" + hexOf(c);
    }

    private static String hexOf(char c) {
        return String.format("%04X", (int) c);
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("invalid JSON at line " + line + ", column " + column + ": " + message);
    }
}
