package org.proxyscope.capture.internal;

/** One decoded packet, reused from packet to packet: the decoder overwrites it. */
public final class Packet {

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    /** 4 or 6; 0 when the packet is not IP. */
    public int ipVersion;
    /** Addresses as IPv6 (IPv4 mapped into ::ffff:0:0/96), high and low halves. */
    public long srcHigh;
    public long srcLow;
    public long dstHigh;
    public long dstLow;
    public int protocol;
    public int srcPort;
    public int dstPort;
    public int tcpFlags;
    public long seq;
    /** Part of a fragmented IPv4 or IPv6 datagram. */
    public boolean fragment;
    /** The transport header is present (an unfragmented packet, or the first fragment). */
    public boolean transport;
    public byte[] data;
    public int payloadOffset;
    public int payloadLength;
    public long timestampNanos;
    public int frameLength;

    void clear() {
        ipVersion = 0;
        protocol = 0;
        srcPort = 0;
        dstPort = 0;
        tcpFlags = 0;
        seq = 0;
        fragment = false;
        transport = false;
        payloadOffset = 0;
        payloadLength = 0;
    }
}
