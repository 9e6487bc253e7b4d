package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Bytes.indexOf looks at eight bytes at a time: it must find what a byte-by-byte search finds, at every alignment. */
class BytesTest {

    private static int naive(Bytes b, int from, byte value) {
        for (int i = Math.max(0, from); i < b.length(); i++) {
            if (b.at(i) == value) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsWhatAByteByByteSearchFinds() {
        Random random = new Random(42);
        byte[] array = new byte[300];
        for (int round = 0; round < 2000; round++) {
            // few distinct values, so that matches, near-matches (0x80, 0x00) and misses all occur
            for (int i = 0; i < array.length; i++) {
                array[i] = (byte) new byte[] {'\n', 'a', 0, (byte) 0x80, (byte) 0x8a, (byte) 0xff, 0x0b, 0x09}[random.nextInt(8)];
            }
            int offset = random.nextInt(20);
            Bytes b = new Bytes(array, offset, random.nextInt(array.length - offset));
            int from = random.nextInt(b.length() + 2) - 1;
            for (byte value : new byte[] {'\n', 0, (byte) 0x80, (byte) 0xff, 'z'}) {
                assertEquals(naive(b, from, value), b.indexOf(from, value), "round " + round + ", value " + value);
            }
        }
    }
}
