package org.proxyscope.capture;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first bytes of one direction of a TCP connection in sequence order, up to a limit. Retransmitted
 * bytes are kept once; segments that arrive early wait until the gap before them fills.
 */
final class StreamBuffer {

    private static final byte[] EMPTY = new byte[0];
    private static final int SMALLEST = 256;

    private final int limit;
    private final Pool pool;
    private byte[] bytes = EMPTY;
    /** Bytes in order from the start, with no gap. */
    private int contiguous;
    private long base = -1;
    /** Early segments by their offset from the start. */
    private TreeMap<Integer, byte[]> early;
    private int earlyBytes;

    StreamBuffer(int limit, Pool pool) {
        this.limit = limit;
        this.pool = pool;
    }

    /** The first data byte will follow this SYN's sequence number. */
    void synchronise(long synSeq) {
        if (base < 0 && contiguous == 0) {
            base = synSeq + 1 & 0xffffffffL;
        }
    }

    void add(long seq, byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (base < 0) {
            base = seq;
        }
        int relative = (int) (seq - base);
        if (relative < 0) {
            // starts before the stream: keep only what is new
            offset -= relative;
            length += relative;
            relative = 0;
            if (length <= 0) {
                return;
            }
        }
        if (relative >= limit || contiguous >= limit) {
            return;
        }
        int usable = Math.min(length, limit - relative);
        if (relative > contiguous) {
            if (early == null) {
                early = new TreeMap<>();
            }
            byte[] existing = early.get(relative);
            if (existing == null || existing.length < usable) {
                early.put(relative, Arrays.copyOfRange(data, offset, offset + usable));
                earlyBytes += usable - (existing == null ? 0 : existing.length);
            }
            return;
        }
        append(data, offset + (contiguous - relative), relative + usable - contiguous);
        drainEarly();
    }

    private void append(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (contiguous + length > bytes.length) {
            int wanted = Math.max(contiguous + length, Math.max(SMALLEST, bytes.length * 2));
            byte[] larger = pool.take(Math.min(limit, Integer.highestOneBit(wanted - 1) << 1));
            System.arraycopy(bytes, 0, larger, 0, contiguous);
            pool.give(bytes);
            bytes = larger;
        }
        System.arraycopy(data, offset, bytes, contiguous, length);
        contiguous += length;
    }

    private void drainEarly() {
        while (early != null && !early.isEmpty()) {
            Map.Entry<Integer, byte[]> first = early.firstEntry();
            if (first.getKey() > contiguous) {
                break;
            }
            early.pollFirstEntry();
            earlyBytes -= first.getValue().length;
            byte[] piece = first.getValue();
            int skip = contiguous - first.getKey();
            if (skip < piece.length) {
                append(piece, skip, piece.length - skip);
            }
        }
    }

    /**
     * The bytes in order from the start, read in place; anything after a gap that never filled is left out.
     * Valid until {@link #release()}.
     */
    Bytes contents() {
        return Bytes.of(bytes, contiguous);
    }

    int length() {
        return contiguous;
    }

    /** True when segments after a gap were seen that never joined the stream. */
    boolean gap() {
        return early != null && !early.isEmpty();
    }

    /** Memory this buffer holds. */
    int footprint() {
        return bytes.length + earlyBytes;
    }

    /** Gives the buffer's memory back to the pool; the buffer is as new afterwards, for another stream. */
    void release() {
        pool.give(bytes);
        bytes = EMPTY;
        contiguous = 0;
        base = -1;
        early = null;
        earlyBytes = 0;
    }

    /**
     * Arrays for the buffers of one import, reused as flows close. Each direction grows its array by
     * doubling up to the limit; without reuse, those arrays were most of what an import allocated (3.4 GB
     * for a 1 GiB capture) and the collector spent a tenth of the import copying them.
     */
    static final class Pool {
        private final ArrayDeque<byte[]>[] free;
        private final long capacity;
        private long pooled;

        /** Keeps at most {@code capacity} bytes of free arrays; more go to the garbage collector. */
        @SuppressWarnings("unchecked")
        Pool(long capacity) {
            this.capacity = capacity;
            this.free = new ArrayDeque[32];
        }

        byte[] take(int size) {
            ArrayDeque<byte[]> list = free[slot(size)];
            byte[] array = list == null ? null : list.poll();
            if (array == null) {
                return new byte[size];
            }
            pooled -= array.length;
            return array;
        }

        void give(byte[] array) {
            // only power-of-two sizes are reused: the limit itself may be any size, and is taken exactly
            if (array.length < SMALLEST || Integer.bitCount(array.length) != 1 || pooled + array.length > capacity) {
                return;
            }
            int slot = slot(array.length);
            if (free[slot] == null) {
                free[slot] = new ArrayDeque<>();
            }
            free[slot].push(array);
            pooled += array.length;
        }

        /** Arrays of one power-of-two size share a slot; other sizes get none. */
        private static int slot(int size) {
            return Integer.bitCount(size) == 1 ? Integer.numberOfTrailingZeros(size) : 0;
        }
    }
}
