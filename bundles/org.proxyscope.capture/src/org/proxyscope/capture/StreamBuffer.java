package org.proxyscope.capture;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first bytes of one direction of a TCP connection in sequence order, up to a limit. Retransmitted
 * bytes are kept once; segments that arrive early wait until the gap before them fills.
 */
final class StreamBuffer {

    private final int limit;
    private byte[] bytes = new byte[0];
    /** Bytes in order from the start, with no gap. */
    private int contiguous;
    private long base = -1;
    /** Early segments by their offset from the start. */
    private TreeMap<Integer, byte[]> early;
    private int earlyBytes;

    StreamBuffer(int limit) {
        this.limit = limit;
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
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(contiguous + length, Math.max(256, bytes.length * 2))));
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

    /** The bytes in order from the start; anything after a gap that never filled is left out. */
    byte[] contiguousBytes() {
        return Arrays.copyOf(bytes, contiguous);
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
}
