package dev.portcullis.crypto.internal.crl;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A hash index from serial number to entry position, built in one pass over the encoded entries without
 * decoding them: the key is the INTEGER's content bytes in minimal form, so a lookup costs one
 * {@link BigInteger#toByteArray()} and one hash probe.
 */
final class SerialIndex {
    private final Map<Key, Integer> positions;

    private SerialIndex(Map<Key, Integer> positions) {
        this.positions = positions;
    }

    /** Indexes {@code count} serials whose contents lie at {@code starts[i]..ends[i]} in {@code buffer}. */
    static SerialIndex of(byte[] buffer, int[] starts, int[] ends, int count) {
        Map<Key, Integer> positions = new HashMap<>(count * 4 / 3 + 1);
        for (int i = 0; i < count; i++) {
            positions.putIfAbsent(Key.of(buffer, starts[i], ends[i]), i);
        }
        return new SerialIndex(positions);
    }

    /** The position of the first entry with {@code serial}, or -1. */
    int find(BigInteger serial) {
        byte[] bytes = serial.toByteArray();
        Integer position = positions.get(Key.of(bytes, 0, bytes.length));
        return position == null ? -1 : position;
    }

    /**
     * The position of the first of {@code count} serials equal to {@code serial}, by a linear scan: cheaper than
     * building the index when only one serial is looked up.
     */
    static int scan(byte[] buffer, int[] starts, int[] ends, int count, BigInteger serial) {
        byte[] wanted = serial.toByteArray();
        for (int i = 0; i < count; i++) {
            int from = minimalStart(buffer, starts[i], ends[i]);
            if (ends[i] - from == wanted.length && Arrays.equals(buffer, from, ends[i], wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the INTEGER contents in {@code buffer[from, to)} start once redundant leading sign bytes are dropped. */
    private static int minimalStart(byte[] buffer, int from, int to) {
        while (to - from > 1 && ((buffer[from] == 0 && buffer[from + 1] >= 0)
                || (buffer[from] == -1 && buffer[from + 1] < 0))) {
            from++;
        }
        return from;
    }

    /** A byte range compared by content, with redundant leading sign bytes dropped. */
    private static final class Key {
        private final byte[] buffer;
        private final int from;
        private final int to;
        private final int hash;

        private Key(byte[] buffer, int from, int to) {
            this.buffer = buffer;
            this.from = from;
            this.to = to;
            // FNV-1a, then an avalanche step: serials are often consecutive, which a 31-multiplier hash (as
            // Arrays.hashCode) folds onto a few hundred buckets.
            int h = 0x811c9dc5;
            for (int i = from; i < to; i++) {
                h = (h ^ (buffer[i] & 0xff)) * 0x01000193;
            }
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            this.hash = h;
        }

        static Key of(byte[] buffer, int from, int to) {
            return new Key(buffer, minimalStart(buffer, from, to), to);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(buffer, from, to, k.buffer, k.from, k.to);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
