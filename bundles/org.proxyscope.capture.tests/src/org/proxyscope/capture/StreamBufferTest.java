package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Reassembly of one TCP direction: order, retransmissions, the limit and sequence wrap-around. */
class StreamBufferTest {

    private static final byte[] TEXT = "EHLO relay.test\r\nMAIL FROM:<a@b>\r\n".getBytes(StandardCharsets.US_ASCII);

    private final StreamBuffer.Pool pool = new StreamBuffer.Pool(1 << 20);

    private static byte[] bytes(StreamBuffer stream) {
        Bytes contents = stream.contents();
        return java.util.Arrays.copyOfRange(contents.array(), contents.offset(), contents.offset() + contents.length());
    }

    /** A buffer given back is taken for the next flow: it starts from that flow's own sequence numbers. */
    @Test
    void aReleasedBufferServesTheNextStreamAsANewOne() {
        StreamBuffer s = new StreamBuffer(1024, pool);
        s.synchronise(1000);
        s.add(1001, TEXT, 0, 12);
        s.add(1020, TEXT, 19, 5);
        s.release();
        assertEquals(0, s.length());
        assertFalse(s.gap());
        s.synchronise(5_000_000);
        s.add(5_000_001, TEXT, 0, TEXT.length);
        assertArrayEquals(TEXT, bytes(s));
        s.release();
        s.add(77, TEXT, 0, 4); // joined mid-stream, without a SYN
        assertArrayEquals(java.util.Arrays.copyOf(TEXT, 4), bytes(s));
    }

    @Test
    void outOfOrderAndRetransmittedSegmentsGiveTheStreamOnce() {
        StreamBuffer s = new StreamBuffer(1024, pool);
        long isn = 0xffff_fff0L; // wraps past 2^32 inside the text
        s.synchronise(isn);
        long start = isn + 1;
        s.add(start + 20, TEXT, 20, TEXT.length - 20);
        s.add(start + 10, TEXT, 10, 10);
        assertEquals(0, s.length(), "nothing is contiguous before the first segment");
        assertTrue(s.gap());
        s.add(start, TEXT, 0, 12);
        s.add(start + 5, TEXT, 5, 10);
        assertArrayEquals(TEXT, bytes(s));
        assertFalse(s.gap());
    }

    @Test
    void bytesPastTheLimitAreNotKept() {
        StreamBuffer s = new StreamBuffer(8, pool);
        s.add(100, TEXT, 0, TEXT.length);
        assertEquals("EHLO rel", new String(bytes(s), StandardCharsets.US_ASCII));
        s.add(100 + TEXT.length, TEXT, 0, 4);
        assertEquals(8, s.length());
    }

    @Test
    void aSegmentStartingBeforeTheStreamKeepsOnlyItsNewBytes() {
        StreamBuffer s = new StreamBuffer(64, pool);
        s.synchronise(999);
        s.add(995, TEXT, 0, 9);
        assertEquals("rela", new String(bytes(s), StandardCharsets.US_ASCII));
    }

    @Test
    void aReleasedBufferIsReusedWithoutItsOldBytes() {
        StreamBuffer first = new StreamBuffer(1024, pool);
        byte[] full = new byte[1024];
        java.util.Arrays.fill(full, (byte) 'x');
        first.add(1, full, 0, full.length);
        byte[] array = first.contents().array();
        assertEquals(1024, first.contents().length());
        first.release();
        assertEquals(0, first.length());

        StreamBuffer second = new StreamBuffer(1024, pool);
        second.add(1, full, 0, 600);
        second.add(601, full, 600, 424);
        assertTrue(second.contents().array() == array, "the second stream grew into the first one's array");
        second.release();

        StreamBuffer third = new StreamBuffer(1024, pool);
        third.add(1, TEXT, 0, TEXT.length);
        assertArrayEquals(TEXT, bytes(third), "a reused array shows only the new stream's bytes");
    }

    @Test
    void thePoolKeepsNoMoreThanItsCapacity() {
        StreamBuffer.Pool small = new StreamBuffer.Pool(1024);
        byte[] a = small.take(1024);
        byte[] b = small.take(1024);
        small.give(a);
        small.give(b);
        assertTrue(small.take(1024) == a, "the first array given back is kept");
        assertFalse(small.take(1024) == b, "the second would pass the capacity: it was left to the collector");
    }
}
