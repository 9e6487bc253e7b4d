package org.proxyscope.capture.internal;

import java.io.IOException;

import org.proxyscope.capture.CaptureFormatException;
import org.proxyscope.core.Progress;

/** The classic libpcap format: microsecond or nanosecond magic, either byte order. */
public final class PcapReader {

    /** libpcap's own ceiling on a captured packet; a record claiming more is corrupt. */
    static final int MAX_RECORD = 262_144;

    private PcapReader() {
    }

    /** True when the first four bytes are one of the four pcap magics. */
    public static boolean recognises(byte[] head, int length) {
        if (length < 4) {
            return false;
        }
        int magic = ByteSource.i32be(head, 0);
        return magic == 0xa1b2c3d4 || magic == 0xd4c3b2a1 || magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
    }

    public static void read(ByteSource in, PacketSink sink, Progress progress) throws IOException, CaptureFormatException {
        if (!in.request(24)) {
            throw new CaptureFormatException(in.offset() + in.available(), "the pcap file header is cut short");
        }
        byte[] b = in.array();
        int p = in.position();
        int magic = ByteSource.i32be(b, p);
        boolean big;
        boolean nanos;
        switch (magic) {
            case 0xa1b2c3d4 -> { big = true; nanos = false; }
            case 0xd4c3b2a1 -> { big = false; nanos = false; }
            case 0xa1b23c4d -> { big = true; nanos = true; }
            case 0x4d3cb2a1 -> { big = false; nanos = true; }
            default -> throw new CaptureFormatException(in.offset(), "not a pcap file (magic %08x)".formatted(magic));
        }
        int major = ByteSource.u16(b, p + 4, big);
        if (major != 2) {
            throw new CaptureFormatException(in.offset() + 4, "unsupported pcap version " + major);
        }
        int linkType = ByteSource.i32(b, p + 20, big) & 0x03ff_ffff;
        in.skip(24);
        // one record per call: a loop in a method called once runs interpreted until the JIT replaces it mid-loop,
        // while a method called per record is compiled after a few hundred
        while (!in.atEnd()) {
            if (progress.cancelled()) {
                return;
            }
            record(in, sink, big, nanos, linkType);
        }
    }

    private static void record(ByteSource in, PacketSink sink, boolean big, boolean nanos, int linkType)
            throws IOException, CaptureFormatException {
        long recordOffset = in.offset();
        if (!in.request(16)) {
            throw new CaptureFormatException(recordOffset, "a packet record header is cut short");
        }
        byte[] b = in.array();
        int p = in.position();
        long seconds = ByteSource.u32(b, p, big);
        long fraction = ByteSource.u32(b, p + 4, big);
        int captured = ByteSource.i32(b, p + 8, big);
        int original = ByteSource.i32(b, p + 12, big);
        if (captured < 0 || captured > MAX_RECORD) {
            throw new CaptureFormatException(recordOffset, "a packet record claims an impossible length of "
                    + Integer.toUnsignedString(captured) + " bytes");
        }
        if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
            throw new CaptureFormatException(recordOffset, "a packet record's time stamp has "
                    + fraction + (nanos ? " nanoseconds" : " microseconds"));
        }
        in.skip(16);
        if (!in.request(captured)) {
            throw new CaptureFormatException(recordOffset, "the last packet is cut short: " + captured
                    + " bytes announced, " + in.available() + " present");
        }
        sink.packet(seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000), linkType, in.array(),
                in.position(), captured, Math.max(original, captured));
        in.skip(captured);
    }
}
