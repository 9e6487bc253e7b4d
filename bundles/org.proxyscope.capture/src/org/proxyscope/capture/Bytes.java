package org.proxyscope.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A run of bytes inside a larger array, read in place: the content analysis looks at reassembled streams
 * and the tunnels inside them, and copying each (most of what an import allocated) bought nothing.
 */
record Bytes(byte[] array, int offset, int length) {

    static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

    static Bytes of(byte[] array, int length) {
        return new Bytes(array, 0, length);
    }

    byte at(int i) {
        return array[offset + i];
    }

    /** The bytes from {@code from} on, empty when there are none. */
    Bytes from(int from) {
        return from >= length ? EMPTY : new Bytes(array, offset + from, length - from);
    }

    /** The first {@code n} bytes, or all when there are fewer. */
    Bytes head(int n) {
        return n >= length ? this : new Bytes(array, offset, Math.max(0, n));
    }

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) as ISO-8859-1 text: one char per byte. */
    String ascii(int from, int to) {
        return new String(array, offset + from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }

    /** Whether the bytes at {@code at} are exactly the ASCII {@code text}. */
    boolean holds(int at, String text) {
        if (at < 0 || at + text.length() > length) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (array[offset + at + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first index at or after {@code from} holding {@code value}, or -1. Eight bytes at a time (the
     * classic test for a zero byte in a word): line ends in mail bodies are most of a dense capture's bytes,
     * and a loop over single bytes, or a String to search, cost a fifth of its import.
     */
    int indexOf(int from, byte value) {
        int i = Math.max(0, from);
        long pattern = (value & 0xffL) * ONES;
        for (; i + 8 <= length; i += 8) {
            long word = (long) LONGS.get(array, offset + i) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < length; i++) {
            if (array[offset + i] == value) {
                return i;
            }
        }
        return -1;
    }
}
