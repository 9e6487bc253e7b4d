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

    @Test
    void outOfOrderAndRetransmittedSegmentsGiveTheStreamOnce() {
        StreamBuffer s = new StreamBuffer(1024);
        long isn = 0xffff_fff0L; // wraps past 2^32 inside the text
        s.synchronise(isn);
        long start = isn + 1;
        s.add(start + 20, TEXT, 20, TEXT.length - 20);
        s.add(start + 10, TEXT, 10, 10);
        assertEquals(0, s.length(), "nothing is contiguous before the first segment");
        assertTrue(s.gap());
        s.add(start, TEXT, 0, 12);
        s.add(start + 5, TEXT, 5, 10);
        assertArrayEquals(TEXT, s.contiguousBytes());
        assertFalse(s.gap());
    }

    @Test
    void bytesPastTheLimitAreNotKept() {
        StreamBuffer s = new StreamBuffer(8);
        s.add(100, TEXT, 0, TEXT.length);
        assertEquals("EHLO rel", new String(s.contiguousBytes(), StandardCharsets.US_ASCII));
        s.add(100 + TEXT.length, TEXT, 0, 4);
        assertEquals(8, s.length());
    }

    @Test
    void aSegmentStartingBeforeTheStreamKeepsOnlyItsNewBytes() {
        StreamBuffer s = new StreamBuffer(64);
        s.synchronise(999);
        s.add(995, TEXT, 0, 9);
        assertEquals("rela", new String(s.contiguousBytes(), StandardCharsets.US_ASCII));
    }
}
