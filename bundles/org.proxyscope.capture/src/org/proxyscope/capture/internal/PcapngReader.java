package org.proxyscope.capture.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.proxyscope.capture.CaptureFormatException;
import org.proxyscope.core.Progress;

/**
 * The pcapng format: section headers (either byte order, several per file), interface descriptions with
 * their {@code if_tsresol} and {@code if_tsoffset}, enhanced, simple and obsolete packet blocks, and
 * name-resolution blocks. Other blocks are skipped by their length.
 */
public final class PcapngReader {

    private static final int SECTION_HEADER = 0x0a0d0d0a;
    private static final int INTERFACE = 1;
    private static final int OBSOLETE_PACKET = 2;
    private static final int SIMPLE_PACKET = 3;
    private static final int NAME_RESOLUTION = 4;
    private static final int ENHANCED_PACKET = 6;
    /** Larger than any packet block a capture tool writes (256 KiB packets plus options). */
    private static final int MAX_PACKET_BLOCK = 1 << 20;

    private record Interface(int linkType, int snapLength, long unitsPerSecond, boolean binary, int binaryExponent,
            long offsetSeconds) {

        long nanos(long units) {
            long seconds;
            long remainder;
            if (binary) {
                seconds = units >>> binaryExponent;
                remainder = ((units & ((1L << binaryExponent) - 1)) * 1_000_000_000L) >>> binaryExponent;
            } else {
                seconds = Long.divideUnsigned(units, unitsPerSecond);
                long rest = Long.remainderUnsigned(units, unitsPerSecond);
                remainder = unitsPerSecond <= 1_000_000_000L ? rest * (1_000_000_000L / unitsPerSecond)
                        : rest / (unitsPerSecond / 1_000_000_000L);
            }
            return (seconds + offsetSeconds) * 1_000_000_000L + remainder;
        }
    }

    private PcapngReader() {
    }

    public static boolean recognises(byte[] head, int length) {
        return length >= 4 && ByteSource.i32be(head, 0) == SECTION_HEADER;
    }

    public static void read(ByteSource in, PacketSink sink, Progress progress) throws IOException, CaptureFormatException {
        boolean big = true;
        boolean inSection = false;
        List<Interface> interfaces = new ArrayList<>();
        while (!in.atEnd()) {
            if (progress.cancelled()) {
                return;
            }
            long blockOffset = in.offset();
            if (!in.request(12)) {
                throw new CaptureFormatException(blockOffset, "a block header is cut short");
            }
            byte[] b = in.array();
            int p = in.position();
            int type = ByteSource.i32be(b, p);
            if (type == SECTION_HEADER) {
                int byteOrder = ByteSource.i32be(b, p + 8);
                if (byteOrder == 0x1a2b3c4d) {
                    big = true;
                } else if (byteOrder == 0x4d3c2b1a) {
                    big = false;
                } else {
                    throw new CaptureFormatException(blockOffset + 8, "a section header has no valid byte-order magic");
                }
                inSection = true;
                interfaces.clear();
            } else if (!inSection) {
                throw new CaptureFormatException(blockOffset, "not a pcapng file (no section header block)");
            } else {
                type = ByteSource.i32(b, p, big);
            }
            long length = ByteSource.u32(b, p + 4, big);
            if (length < 12 || length % 4 != 0) {
                throw new CaptureFormatException(blockOffset + 4, "a block claims an impossible length of " + length + " bytes");
            }
            boolean packetBlock = type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == OBSOLETE_PACKET;
            boolean parsed = packetBlock || type == SECTION_HEADER || type == INTERFACE || type == NAME_RESOLUTION;
            if (parsed && length > MAX_PACKET_BLOCK) {
                throw new CaptureFormatException(blockOffset + 4, "a block claims an impossible length of " + length + " bytes");
            }
            if (!parsed) {
                if (!in.skipLong(length - 4) || !in.request(4)) {
                    throw new CaptureFormatException(blockOffset, "a block of " + length + " bytes is cut short");
                }
                checkTrailer(in, blockOffset, length, big);
                continue;
            }
            int size = (int) length;
            if (!in.request(size)) {
                throw new CaptureFormatException(blockOffset, "a block of " + length + " bytes is cut short: "
                        + in.available() + " present");
            }
            b = in.array();
            p = in.position();
            if (ByteSource.u32(b, p + size - 4, big) != length) {
                throw new CaptureFormatException(blockOffset + size - 4, "a block lies about its size (it says " + length
                        + " bytes at its start and " + ByteSource.u32(b, p + size - 4, big) + " at its end)");
            }
            switch (type) {
                case INTERFACE -> interfaces.add(describe(b, p, size, big, blockOffset));
                case ENHANCED_PACKET, OBSOLETE_PACKET -> {
                    need(size >= 32, blockOffset, "a packet block is too short for its header");
                    int id = type == ENHANCED_PACKET ? ByteSource.i32(b, p + 8, big) : ByteSource.u16(b, p + 8, big);
                    Interface itf = interfaceOf(interfaces, id, blockOffset);
                    long units = ByteSource.u32(b, p + 12, big) << 32 | ByteSource.u32(b, p + 16, big);
                    int captured = ByteSource.i32(b, p + 20, big);
                    int original = ByteSource.i32(b, p + 24, big);
                    need(captured >= 0 && captured <= size - 32, blockOffset + 20, "a packet claims " + Integer.toUnsignedString(captured)
                            + " captured bytes in a block of " + size);
                    sink.packet(itf.nanos(units), itf.linkType, b, p + 28, captured, Math.max(original, captured));
                }
                case SIMPLE_PACKET -> {
                    need(size >= 16, blockOffset, "a simple packet block is too short for its header");
                    Interface itf = interfaceOf(interfaces, 0, blockOffset);
                    int original = ByteSource.i32(b, p + 8, big);
                    int room = size - 16;
                    int captured = (int) Math.min(Math.min(Integer.toUnsignedLong(original), room),
                            itf.snapLength == 0 ? Integer.MAX_VALUE : itf.snapLength);
                    sink.packet(0, itf.linkType, b, p + 12, captured, Math.max(original, captured));
                }
                case NAME_RESOLUTION -> names(b, p, size, big, sink);
                default -> { }
            }
            in.skip(size);
        }
    }

    private static void checkTrailer(ByteSource in, long blockOffset, long length, boolean big) throws CaptureFormatException {
        long trailer = ByteSource.u32(in.array(), in.position(), big);
        if (trailer != length) {
            throw new CaptureFormatException(blockOffset + length - 4, "a block lies about its size (it says " + length
                    + " bytes at its start and " + trailer + " at its end)");
        }
        in.skip(4);
    }

    private static void need(boolean condition, long offset, String problem) throws CaptureFormatException {
        if (!condition) {
            throw new CaptureFormatException(offset, problem);
        }
    }

    private static Interface interfaceOf(List<Interface> interfaces, int id, long blockOffset) throws CaptureFormatException {
        if (id < 0 || id >= interfaces.size()) {
            throw new CaptureFormatException(blockOffset + 8, "a packet names interface " + Integer.toUnsignedString(id)
                    + ", but the section describes " + interfaces.size());
        }
        return interfaces.get(id);
    }

    private static Interface describe(byte[] b, int p, int size, boolean big, long blockOffset) throws CaptureFormatException {
        need(size >= 20, blockOffset, "an interface description is too short");
        int linkType = ByteSource.u16(b, p + 8, big);
        int snap = ByteSource.i32(b, p + 12, big);
        long unitsPerSecond = 1_000_000;
        boolean binary = false;
        int exponent = 0;
        long offsetSeconds = 0;
        int o = p + 16;
        int end = p + size - 4;
        while (o + 4 <= end) {
            int code = ByteSource.u16(b, o, big);
            int len = ByteSource.u16(b, o + 2, big);
            need(o + 4 + len <= end, blockOffset + (o - p), "an interface option runs past its block");
            if (code == 0) {
                break;
            }
            if (code == 9 && len >= 1) {
                int v = b[o + 4] & 0xff;
                if ((v & 0x80) != 0) {
                    binary = true;
                    exponent = v & 0x7f;
                    need(exponent < 63, blockOffset + (o - p), "an interface's time resolution is 2^-" + exponent);
                } else {
                    need(v <= 18, blockOffset + (o - p), "an interface's time resolution is 10^-" + v);
                    unitsPerSecond = 1;
                    for (int i = 0; i < v; i++) {
                        unitsPerSecond *= 10;
                    }
                }
            } else if (code == 14 && len >= 8) {
                offsetSeconds = ByteSource.u32(b, o + 4, big) << 32 | ByteSource.u32(b, o + 8, big);
            }
            o += 4 + (len + 3 & ~3);
        }
        return new Interface(linkType, snap, unitsPerSecond, binary, exponent, offsetSeconds);
    }

    private static void names(byte[] b, int p, int size, boolean big, PacketSink sink) {
        int o = p + 8;
        int end = p + size - 4;
        while (o + 4 <= end) {
            int type = ByteSource.u16(b, o, big);
            int len = ByteSource.u16(b, o + 2, big);
            if (type == 0 || o + 4 + len > end) {
                return;
            }
            int addressLength = type == 1 ? 4 : type == 2 ? 16 : 0;
            if (addressLength > 0 && len > addressLength) {
                byte[] address = java.util.Arrays.copyOfRange(b, o + 4, o + 4 + addressLength);
                int s = o + 4 + addressLength;
                int stop = o + 4 + len;
                while (s < stop) {
                    int z = s;
                    while (z < stop && b[z] != 0) {
                        z++;
                    }
                    if (z > s) {
                        sink.name(address, new String(b, s, z - s, StandardCharsets.UTF_8));
                    }
                    s = z + 1;
                }
            }
            o += 4 + (len + 3 & ~3);
        }
    }
}
