package dev.portcullis.ssl.internal;

import java.util.Arrays;

/**
 * A first-in first-out byte buffer for ciphertext that arrived but was not yet given to the TLS engine. It grows as
 * the caller writes and gives its memory back when drained, so an idle connection holds no buffer at all.
 */
final class ByteFifo {
    private static final byte[] EMPTY = new byte[0];
    private static final int KEEP_LIMIT = 32 * 1024;

    private byte[] buffer = EMPTY;
    private int start;
    private int end;

    int size() {
        return end - start;
    }

    void append(byte[] source, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (buffer.length - end < length) {
            makeRoom(length);
        }
        System.arraycopy(source, offset, buffer, end, length);
        end += length;
    }

    private void makeRoom(int length) {
        int size = size();
        int needed = size + length;
        if (needed < 0) {
            throw new IllegalArgumentException("buffer: more than 2 GiB of unread ciphertext");
        }
        if (buffer.length >= needed && start > 0) {
            System.arraycopy(buffer, start, buffer, 0, size);
        } else {
            int capacity = Math.max(needed, Math.min(Integer.MAX_VALUE - 8, Math.max(1024, buffer.length * 2)));
            byte[] grown = new byte[capacity];
            System.arraycopy(buffer, start, grown, 0, size);
            buffer = grown;
        }
        start = 0;
        end = size;
    }

    /** Appends {@code length} bytes read straight from {@code source}'s output queue (no intermediate copy). */
    void appendOutputOf(org.bouncycastle.tls.TlsProtocol source, int length) {
        if (length == 0) {
            return;
        }
        if (buffer.length - end < length) {
            makeRoom(length);
        }
        end += source.readOutput(buffer, end, length);
    }

    /** The byte at {@code index} positions after the head (index &lt; size). */
    int peek(int index) {
        return buffer[start + index] & 0xff;
    }

    /** The backing array; valid bytes are {@code [head(), head() + size())}. */
    byte[] array() {
        return buffer;
    }

    int head() {
        return start;
    }

    void skip(int count) {
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
            if (buffer.length > KEEP_LIMIT) {
                buffer = EMPTY;
            }
        }
    }

    int read(byte[] target, int offset, int length) {
        int n = Math.min(length, size());
        System.arraycopy(buffer, start, target, offset, n);
        skip(n);
        return n;
    }

    void clear() {
        buffer = EMPTY;
        start = 0;
        end = 0;
    }

    byte[] toArray() {
        return Arrays.copyOfRange(buffer, start, end);
    }
}
