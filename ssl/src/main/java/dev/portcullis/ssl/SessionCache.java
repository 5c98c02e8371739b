package dev.portcullis.ssl;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server Context's session cache (OpenSSL's internal cache): sessions by ID, bounded to OpenSSL's default of
 * 20,480 entries (least recently used first out), expired entries never returned. One lock held for a map operation,
 * never during a handshake step.
 */
final class SessionCache {
    static final int MAX_ENTRIES = 20 * 1024;

    private final Map<ByteBuffer, Session> sessions = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Session> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized void put(Session session) {
        sessions.put(ByteBuffer.wrap(session.getId()), session);
    }

    /** The live session with this ID made under {@code idContext}, or {@code null}. */
    synchronized Session get(byte[] id, byte[] idContext) {
        ByteBuffer key = ByteBuffer.wrap(id);
        Session session = sessions.get(key);
        if (session == null) {
            return null;
        }
        if (session.isExpired()) {
            sessions.remove(key);
            return null;
        }
        return Arrays.equals(session.idContext(), idContext) ? session : null;
    }

    synchronized int size() {
        return sessions.size();
    }
}
