package org.proxyscope.capture.internal;

/**
 * Link, network and transport headers: Ethernet (with 802.1Q and QinQ tags), Linux cooked SLL and SLL2,
 * raw IPv4/IPv6, BSD loopback (NULL and LOOP); IPv4 with fragments flagged, IPv6 with its extension
 * headers; TCP, UDP, ICMP. A packet too short for the headers it announces is counted as malformed,
 * never trusted.
 */
public final class PacketDecoder {

    public static final int LINK_NULL = 0;
    public static final int LINK_ETHERNET = 1;
    public static final int LINK_RAW = 101;
    public static final int LINK_LOOP = 108;
    public static final int LINK_SLL = 113;
    public static final int LINK_IPV4 = 228;
    public static final int LINK_IPV6 = 229;
    public static final int LINK_SLL2 = 276;

    private static final long V4_MAPPED_HIGH = 0L;
    private static final long V4_MAPPED_PREFIX = 0xffffL << 32;

    /** Outcome of {@link #decode}. */
    public enum Result {
        /** An IP packet; {@link Packet} holds its fields. */
        IP,
        /** Not IP (ARP, LLDP, ...), or a link type this reader does not know. */
        OTHER,
        /** Shorter than its headers claim. */
        MALFORMED
    }

    private PacketDecoder() {
    }

    /**
     * Whether an address as {@link #decode} stores it in a {@link Packet} ({@code high} and {@code low}, IPv4
     * mapped into IPv6) is {@code address}, given as 4 or 16 bytes.
     */
    public static boolean holds(long high, long low, byte[] address) {
        if (address.length == 4) {
            return high == V4_MAPPED_HIGH && low == (V4_MAPPED_PREFIX | ByteSource.i32be(address, 0) & 0xffffffffL);
        }
        return high == long64(address, 0) && low == long64(address, 8);
    }

    public static Result decode(int linkType, byte[] b, int offset, int length, Packet p) {
        p.clear();
        p.data = b;
        int end = offset + length;
        int o = offset;
        int etherType;
        switch (linkType) {
            case LINK_ETHERNET -> {
                if (length < 14) {
                    return Result.MALFORMED;
                }
                etherType = ByteSource.u16be(b, o + 12);
                o += 14;
                while (etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100) {
                    if (o + 4 > end) {
                        return Result.MALFORMED;
                    }
                    etherType = ByteSource.u16be(b, o + 2);
                    o += 4;
                }
            }
            case LINK_SLL -> {
                if (length < 16) {
                    return Result.MALFORMED;
                }
                etherType = ByteSource.u16be(b, o + 14);
                o += 16;
            }
            case LINK_SLL2 -> {
                if (length < 20) {
                    return Result.MALFORMED;
                }
                etherType = ByteSource.u16be(b, o);
                o += 20;
            }
            case LINK_NULL, LINK_LOOP -> {
                if (length < 4) {
                    return Result.MALFORMED;
                }
                // NULL writes the address family in the capturing host's byte order; LOOP in network order.
                int family = linkType == LINK_LOOP ? ByteSource.i32be(b, o) : ByteSource.i32le(b, o);
                if ((family & 0xffff) == 0 && family != 0) {
                    family = Integer.reverseBytes(family);
                }
                o += 4;
                etherType = family == 2 ? 0x0800 : family == 24 || family == 28 || family == 30 || family == 10 ? 0x86dd : -1;
            }
            case LINK_RAW, 12, 14 -> etherType = length > 0 && (b[o] & 0xf0) == 0x60 ? 0x86dd : 0x0800;
            case LINK_IPV4 -> etherType = 0x0800;
            case LINK_IPV6 -> etherType = 0x86dd;
            default -> {
                return Result.OTHER;
            }
        }
        if (etherType == 0x0800) {
            return ipv4(b, o, end, p);
        }
        if (etherType == 0x86dd) {
            return ipv6(b, o, end, p);
        }
        return Result.OTHER;
    }

    private static Result ipv4(byte[] b, int o, int end, Packet p) {
        if (o + 20 > end || (b[o] & 0xf0) != 0x40) {
            return Result.MALFORMED;
        }
        int headerLength = (b[o] & 0x0f) * 4;
        int total = ByteSource.u16be(b, o + 2);
        if (headerLength < 20 || total < headerLength || o + headerLength > end) {
            return Result.MALFORMED;
        }
        // a snap length may cut the packet; a total length smaller than the frame means padding
        int ipEnd = Math.min(end, o + total);
        int fragmentField = ByteSource.u16be(b, o + 6);
        boolean moreFragments = (fragmentField & 0x2000) != 0;
        int fragmentOffset = fragmentField & 0x1fff;
        p.ipVersion = 4;
        p.srcHigh = V4_MAPPED_HIGH;
        p.srcLow = V4_MAPPED_PREFIX | ByteSource.i32be(b, o + 12) & 0xffffffffL;
        p.dstHigh = V4_MAPPED_HIGH;
        p.dstLow = V4_MAPPED_PREFIX | ByteSource.i32be(b, o + 16) & 0xffffffffL;
        p.protocol = b[o + 9] & 0xff;
        p.fragment = moreFragments || fragmentOffset != 0;
        if (fragmentOffset != 0) {
            return Result.IP;
        }
        return transport(b, o + headerLength, ipEnd, p);
    }

    private static Result ipv6(byte[] b, int o, int end, Packet p) {
        if (o + 40 > end || (b[o] & 0xf0) != 0x60) {
            return Result.MALFORMED;
        }
        int ipEnd = Math.min(end, o + 40 + ByteSource.u16be(b, o + 4));
        p.ipVersion = 6;
        p.srcHigh = long64(b, o + 8);
        p.srcLow = long64(b, o + 16);
        p.dstHigh = long64(b, o + 24);
        p.dstLow = long64(b, o + 32);
        int next = b[o + 6] & 0xff;
        int h = o + 40;
        while (true) {
            switch (next) {
                case 0, 43, 60 -> {
                    if (h + 8 > ipEnd) {
                        return Result.MALFORMED;
                    }
                    int len = ((b[h + 1] & 0xff) + 1) * 8;
                    next = b[h] & 0xff;
                    h += len;
                }
                case 51 -> {
                    if (h + 8 > ipEnd) {
                        return Result.MALFORMED;
                    }
                    int len = ((b[h + 1] & 0xff) + 2) * 4;
                    next = b[h] & 0xff;
                    h += len;
                }
                case 44 -> {
                    if (h + 8 > ipEnd) {
                        return Result.MALFORMED;
                    }
                    int field = ByteSource.u16be(b, h + 2);
                    p.fragment = true;
                    next = b[h] & 0xff;
                    h += 8;
                    if ((field & 0xfff8) != 0) {
                        p.protocol = next;
                        return Result.IP;
                    }
                }
                default -> {
                    p.protocol = next;
                    if (h > ipEnd) {
                        return Result.MALFORMED;
                    }
                    return transport(b, h, ipEnd, p);
                }
            }
        }
    }

    private static Result transport(byte[] b, int o, int end, Packet p) {
        switch (p.protocol) {
            case Packet.TCP -> {
                if (o + 20 > end) {
                    return Result.MALFORMED;
                }
                int headerLength = (b[o + 12] & 0xf0) >>> 2;
                if (headerLength < 20 || o + headerLength > end) {
                    return Result.MALFORMED;
                }
                p.srcPort = ByteSource.u16be(b, o);
                p.dstPort = ByteSource.u16be(b, o + 2);
                p.seq = ByteSource.i32be(b, o + 4) & 0xffffffffL;
                p.tcpFlags = b[o + 13] & 0xff;
                p.payloadOffset = o + headerLength;
                p.payloadLength = end - o - headerLength;
            }
            case Packet.UDP -> {
                if (o + 8 > end) {
                    return Result.MALFORMED;
                }
                p.srcPort = ByteSource.u16be(b, o);
                p.dstPort = ByteSource.u16be(b, o + 2);
                p.payloadOffset = o + 8;
                p.payloadLength = end - o - 8;
            }
            case Packet.ICMP, Packet.ICMPV6 -> {
                if (o + 4 > end) {
                    return Result.MALFORMED;
                }
                p.payloadOffset = o;
                p.payloadLength = end - o;
            }
            default -> {
                return Result.IP;
            }
        }
        p.transport = true;
        return Result.IP;
    }

    private static long long64(byte[] b, int o) {
        return (long) ByteSource.i32be(b, o) << 32 | ByteSource.i32be(b, o + 4) & 0xffffffffL;
    }
}
