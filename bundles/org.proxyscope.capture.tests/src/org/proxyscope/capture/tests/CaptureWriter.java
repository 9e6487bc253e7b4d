package org.proxyscope.capture.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds capture files for the tests: the IP packets of a recorded capture re-wrapped in other link
 * layers, byte orders, time resolutions and pcapng block layouts. Written independently of the reader
 * under test, from the format specifications.
 */
final class CaptureWriter {

    /** One packet: its time and its IP datagram (no link header). */
    record IpPacket(long nanos, byte[] ip) {
    }

    private CaptureWriter() {
    }

    /** The IP packets of a little-endian, microsecond, Ethernet pcap as tcpdump writes on loopback. */
    static List<IpPacket> ipPackets(Path ethernetPcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(ethernetPcap)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4 || b.getInt(20) != 1) {
            throw new IOException(ethernetPcap + " is not a little-endian Ethernet pcap");
        }
        List<IpPacket> packets = new ArrayList<>();
        int o = 24;
        while (o + 16 <= b.limit()) {
            long nanos = (b.getInt(o) & 0xffffffffL) * 1_000_000_000L + (b.getInt(o + 4) & 0xffffffffL) * 1000;
            int length = b.getInt(o + 8);
            byte[] frame = new byte[length];
            b.get(o + 16, frame);
            packets.add(new IpPacket(nanos, java.util.Arrays.copyOfRange(frame, 14, frame.length)));
            o += 16 + length;
        }
        return packets;
    }

    enum Link {
        ETHERNET(1), VLAN(1), QINQ(1), RAW(101), NULL(0), LOOP(108), SLL(113), SLL2(276), IPV4(228), IPV6(229);

        final int type;

        Link(int type) {
            this.type = type;
        }

        byte[] wrap(byte[] ip) {
            boolean v6 = (ip[0] & 0xf0) == 0x60;
            int etherType = v6 ? 0x86dd : 0x0800;
            ByteBuffer b = ByteBuffer.allocate(ip.length + 24);
            switch (this) {
                case ETHERNET -> b.put(new byte[12]).putShort((short) etherType);
                case VLAN -> b.put(new byte[12]).putShort((short) 0x8100).putShort((short) 42).putShort((short) etherType);
                case QINQ -> b.put(new byte[12]).putShort((short) 0x88a8).putShort((short) 7).putShort((short) 0x8100)
                        .putShort((short) 42).putShort((short) etherType);
                case RAW, IPV4, IPV6 -> { }
                case NULL -> b.order(ByteOrder.LITTLE_ENDIAN).putInt(v6 ? 10 : 2).order(ByteOrder.BIG_ENDIAN);
                case LOOP -> b.putInt(v6 ? 10 : 2);
                case SLL -> b.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8])
                        .putShort((short) etherType);
                case SLL2 -> b.putShort((short) etherType).putShort((short) 0).putInt(1).putShort((short) 772)
                        .put((byte) 0).put((byte) 6).put(new byte[8]);
            }
            b.put(ip);
            return java.util.Arrays.copyOf(b.array(), b.position());
        }
    }

    static byte[] pcap(List<IpPacket> packets, Link link, ByteOrder order, boolean nanoseconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(link.type);
        out.writeBytes(h.array());
        for (IpPacket p : packets) {
            byte[] frame = link.wrap(p.ip());
            ByteBuffer r = ByteBuffer.allocate(16).order(order);
            r.putInt((int) (p.nanos() / 1_000_000_000L))
                    .putInt((int) (nanoseconds ? p.nanos() % 1_000_000_000L : p.nanos() % 1_000_000_000L / 1000))
                    .putInt(frame.length).putInt(frame.length);
            out.writeBytes(r.array());
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    /** pcapng options of these tests. */
    record Layout(ByteOrder order, int sections, int resolution, boolean names) {
    }

    /**
     * A pcapng file: the packets split over {@code sections} sections (each with its own interface),
     * time stamps in {@code resolution} (if_tsresol byte: 6 = microseconds, 9 = nanoseconds, 0x8a = 2^-10 s),
     * optionally with a name-resolution block.
     */
    static byte[] pcapng(List<IpPacket> packets, Link link, Layout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int perSection = (packets.size() + layout.sections() - 1) / layout.sections();
        for (int s = 0; s < layout.sections(); s++) {
            block(out, layout.order(), 0x0a0d0d0a, b -> b.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1));
            // a second interface of another link type first, so packets must name theirs
            block(out, layout.order(), 1, b -> b.putShort((short) 147).putShort((short) 0).putInt(0));
            block(out, layout.order(), 1, b -> {
                b.putShort((short) link.type).putShort((short) 0).putInt(0);
                b.putShort((short) 9).putShort((short) 1).put((byte) layout.resolution()).put(new byte[3]);
                b.putShort((short) 0).putShort((short) 0);
            });
            if (layout.names()) {
                block(out, layout.order(), 4, b -> {
                    byte[] name = "proxy.victim.test\0".getBytes(StandardCharsets.US_ASCII);
                    b.putShort((short) 1).putShort((short) (4 + name.length)).put(new byte[] { 127, 0, 0, 1 }).put(name);
                    b.put(new byte[(4 - (4 + name.length) % 4) % 4]);
                    b.putShort((short) 0).putShort((short) 0);
                });
            }
            for (IpPacket p : packets.subList(Math.min(packets.size(), s * perSection), Math.min(packets.size(), (s + 1) * perSection))) {
                byte[] frame = link.wrap(p.ip());
                byte[] pad = new byte[(4 - frame.length % 4) % 4];
                long units = units(p.nanos(), layout.resolution());
                block(out, layout.order(), 6, b -> b.putInt(1).putInt((int) (units >>> 32)).putInt((int) units)
                        .putInt(frame.length).putInt(frame.length).put(frame).put(pad));
            }
        }
        return out.toByteArray();
    }

    /** A pcapng file whose packets are simple packet blocks on its only interface. */
    static byte[] simplePcapng(List<IpPacket> packets, Link link, ByteOrder order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        block(out, order, 0x0a0d0d0a, b -> b.putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1));
        block(out, order, 1, b -> b.putShort((short) link.type).putShort((short) 0).putInt(0));
        for (IpPacket p : packets) {
            byte[] frame = link.wrap(p.ip());
            byte[] pad = new byte[(4 - frame.length % 4) % 4];
            block(out, order, 3, b -> b.putInt(frame.length).put(frame).put(pad));
        }
        return out.toByteArray();
    }

    static long units(long nanos, int resolution) {
        if ((resolution & 0x80) != 0) {
            int exponent = resolution & 0x7f;
            return (nanos / 1_000_000_000L << exponent) + ((nanos % 1_000_000_000L << exponent) / 1_000_000_000L);
        }
        long divisor = 1;
        for (int i = resolution; i < 9; i++) {
            divisor *= 10;
        }
        return nanos / divisor;
    }

    private static void block(ByteArrayOutputStream out, ByteOrder order, int type, java.util.function.Consumer<ByteBuffer> body) {
        ByteBuffer content = ByteBuffer.allocate(1 << 19).order(order);
        body.accept(content);
        int length = 12 + content.position();
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        b.putInt(type).putInt(length).put(content.array(), 0, content.position()).putInt(length);
        out.writeBytes(b.array());
    }
}
