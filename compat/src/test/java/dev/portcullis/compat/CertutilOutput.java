package dev.portcullis.compat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses what certutil printed: {@code -L} listings and {@code -K} key lists. */
final class CertutilOutput {
    private CertutilOutput() {
    }

    /** certutil -L: nickname → trust string, in listing order (a repeated nickname gets a #n suffix). */
    static Map<String, String> certs(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        boolean body = false;
        for (String line : out.split("\n")) {
            if (line.contains("SSL,S/MIME,JAR/XPI")) {
                body = true;
                continue;
            }
            if (!body || line.isBlank()) {
                continue;
            }
            String trimmed = line.stripTrailing();
            int sp = trimmed.lastIndexOf(' ');
            String nick = trimmed.substring(0, sp).strip();
            String key = nick;
            for (int i = 2; m.containsKey(key); i++) {
                key = nick + "#" + i;
            }
            m.put(key, trimmed.substring(sp + 1));
        }
        return m;
    }

    /** certutil -K: "type id name" per key, sorted. */
    static List<String> keys(String out) {
        List<String> keys = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("<")) {
                String[] f = line.substring(line.indexOf('>') + 1).strip().split("\\s+", 3);
                keys.add(f[0] + " " + f[1] + " " + f[2]);
            }
        }
        keys.sort(null);
        return keys;
    }
}
