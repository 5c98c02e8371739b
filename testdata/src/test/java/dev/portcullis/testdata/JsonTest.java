package dev.portcullis.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void objectsKeepMemberOrder() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }

    @Test
    void scalarsMapToJavaTypes() {
        List<?> l = (List<?>) Json.parse(" [true, false, null, 0, -12, 1.5, 2e3, \"s\"] ");
        assertEquals(Boolean.TRUE, l.get(0));
        assertEquals(Boolean.FALSE, l.get(1));
        assertNull(l.get(2));
        assertEquals(0L, l.get(3));
        assertEquals(-12L, l.get(4));
        assertEquals(new BigDecimal("1.5"), l.get(5));
        assertEquals(new BigDecimal("2e3"), l.get(6));
        assertEquals("s", l.get(7));
    }

    @Test
    void integersBeyondLongBecomeBigInteger() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-730750818665451459101842416358141509827966271489"),
                Json.parse("-730750818665451459101842416358141509827966271489"));
    }

    @Test
    void everyStringEscape() {
        assertEquals("\" \\ / \b \f \n \r \t é", Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("ü and 中", Json.parse("\"ü and 中\""));
    }

    @Test
    void nestedStructures() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"a\":[{\"b\":[]},{}],\"c\":{\"d\":\"\"}}");
        assertEquals(List.of(Map.of("b", List.of()), Map.of()), m.get("a"));
        assertEquals(Map.of("d", ""), m.get("c"));
    }

    @Test
    void malformedInputIsRejectedWithPosition() {
        String[] bad = {"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "1e", "\"abc",
            "\"\\x\"", "\"\\u12\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "tru", "nul", "[1] 2",
            "{1:2}", "\"a\u0001\"", "{\"a\":1,\"a\":2}", "[", "]", "+1", ".5"};
        for (String s : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(s), s);
            assertTrue(e.getMessage().startsWith("invalid JSON at line "), e.getMessage());
        }
    }

    @Test
    void errorNamesLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\n  \"a\": tru\n}"));
        assertTrue(e.getMessage().startsWith("invalid JSON at line 2, column 8"), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));
    }

    @Test
    void atWalksMembersAndIndexes() {
        Object doc = Json.parse("{\"a\":{\"b\":[10,{\"c\":\"x\"}]},\"n\":null}");
        assertEquals("x", Json.at(doc, "a", "b", 1, "c"));
        assertEquals(10L, Json.at(doc, "a", "b", 0));
        assertNull(Json.at(doc, "n"));
        assertEquals(doc, Json.at(doc));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Json.at(doc, "a", "z"));
        assertTrue(missing.getMessage().startsWith("no member \"z\" at $.a"), missing.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> Json.at(doc, "a", "b", 2));
        assertTrue(range.getMessage().startsWith("index 2 out of range at $.a.b"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.at(doc, "a", 0));
        assertThrows(IllegalArgumentException.class, () -> Json.at(doc, "n", "x"));
    }

    @Test
    void typedAccessorsCheckTheType() {
        Object doc = Json.parse("{\"m\":{},\"l\":[],\"s\":\"t\",\"i\":5,\"b\":123456789012345678901234567890,\"d\":1.5}");
        assertEquals(Map.of(), Json.asMap(Json.at(doc, "m")));
        assertEquals(List.of(), Json.asList(Json.at(doc, "l")));
        assertEquals("t", Json.asString(Json.at(doc, "s")));
        assertEquals(BigInteger.valueOf(5), Json.asBigInteger(Json.at(doc, "i")));
        assertEquals(new BigInteger("123456789012345678901234567890"), Json.asBigInteger(Json.at(doc, "b")));
        assertThrows(IllegalArgumentException.class, () -> Json.asMap(Json.at(doc, "l")));
        assertThrows(IllegalArgumentException.class, () -> Json.asList(Json.at(doc, "s")));
        assertThrows(IllegalArgumentException.class, () -> Json.asString(Json.at(doc, "i")));
        assertThrows(IllegalArgumentException.class, () -> Json.asBigInteger(Json.at(doc, "d")));
        assertThrows(IllegalArgumentException.class, () -> Json.asBigInteger(null));
    }

    @Test
    void nullTextIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(null));
    }
}
