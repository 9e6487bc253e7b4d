package org.proxyscope.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.proxyscope.capture.internal.Packet;
import org.proxyscope.capture.internal.PacketDecoder;
import org.proxyscope.capture.internal.PacketSink;
import org.proxyscope.core.model.AddressText;
import org.proxyscope.core.model.ProxyPorts;

/**
 * Turns decoded packets into flows, reassembles the first bytes of each TCP direction and analyses a flow
 * as soon as it closes, so that its buffers go back: memory follows the open flows, not the file.
 */
final class FlowTable implements PacketSink {

    /**
     * An address as the decoder gives it, the key that interns InetAddresses: one key is reused for look-ups, and
     * a new one kept for each new address. A key and a lambda made for every look-up were 20 MB of garbage for a
     * capture dense in sessions. equals and hashCode written out, as a record's link through method handles at
     * their first call, which spun a dozen classes per import.
     */
    private static final class Address {
        long high;
        long low;

        Address(long high, long low) {
            this.high = high;
            this.low = low;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Address a && a.high == high && a.low == low;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(high * 0x9e3779b97f4a7c15L + low);
        }
    }

    private final int reassemblyLimit;
    private final long memoryBudget;
    private final Packet packet = new Packet();
    private final StreamBuffer.Pool pool;
    /** Buffers given back, for the next flows: two per flow were 28 MB of garbage for a capture dense in sessions. */
    private final ArrayDeque<StreamBuffer> spareStreams = new ArrayDeque<>();
    /**
     * Flows by their 5-tuple, an open-addressing table that both directions of a connection find by the same
     * hash; a flow that reuses a 5-tuple takes the slot of the one before. A map's key and entry for every flow
     * were two of the objects the collector copied per flow, a fifth of its work on a capture dense in sessions.
     */
    private Flow[] slots = new Flow[1 << 12];
    private int filled;
    private final Map<Address, InetAddress> addresses = new HashMap<>();
    private final Address lookUp = new Address(0, 0);
    final List<Flow> flows = new ArrayList<>();
    final List<ProxySession> sessions = new ArrayList<>();
    final Map<String, TreeSet<String>> names = new HashMap<>();
    private final RepeatedTexts texts = new RepeatedTexts();
    private long buffered;
    /**
     * The flows whose beginnings are buffered and not yet analysed, in no order, each knowing its place: what
     * {@link #finishAll} finishes. A look at every flow for them took 30 ms at the end of a capture dense in
     * sessions, each flow read from memory again, and was made again each time too many flows were open at once.
     */
    private Flow[] buffering = new Flow[256];
    private int bufferingCount;
    long packets;
    long bytes;
    /** Counted as flows open: a count over the flows afterwards read each from memory again, for every figure that needed it. */
    long tcpFlows;
    long malformed;
    long notIp;
    long fragments;
    long firstNanos = Long.MAX_VALUE;
    long lastNanos = Long.MIN_VALUE;

    FlowTable(int reassemblyLimit, long memoryBudget) {
        this.reassemblyLimit = reassemblyLimit;
        this.memoryBudget = memoryBudget;
        this.pool = new StreamBuffer.Pool(memoryBudget / 4);
    }

    @Override
    public void packet(long timestampNanos, int linkType, byte[] data, int offset, int length, int originalLength) {
        packets++;
        bytes += originalLength;
        if (timestampNanos != 0) {
            firstNanos = Math.min(firstNanos, timestampNanos);
            lastNanos = Math.max(lastNanos, timestampNanos);
        }
        Packet p = packet;
        switch (PacketDecoder.decode(linkType, data, offset, length, p)) {
            case MALFORMED -> {
                malformed++;
                return;
            }
            case OTHER -> {
                notIp++;
                return;
            }
            case IP -> { }
        }
        if (p.fragment) {
            fragments++;
        }
        if (!p.transport || (p.protocol != Packet.TCP && p.protocol != Packet.UDP)) {
            return;
        }
        int hash = hash(p);
        int slot = slot(p, hash);
        Flow flow = slots[slot];
        boolean tcp = p.protocol == Packet.TCP;
        boolean opening = tcp && (p.tcpFlags & (Packet.SYN | Packet.ACK)) == Packet.SYN;
        // a SYN with a new initial sequence number reuses the 5-tuple for a new connection, as tshark counts it;
        // the same number again is a retransmitted SYN
        if (flow != null && opening && (flow.clientIsn >= 0 ? flow.clientIsn != p.seq : flow.closed())) {
            finish(flow);
            flow = null;
        }
        if (flow == null) {
            flow = open(slot, hash, p, timestampNanos, opening);
        }
        boolean fromClient = p.srcPort == flow.clientPort() && p.srcLow == flow.clientLow && p.srcHigh == flow.clientHigh;
        flow.lastNanos = Math.max(flow.lastNanos, timestampNanos);
        if (fromClient) {
            flow.clientPackets++;
            flow.clientBytes += originalLength;
            flow.clientPayload += p.payloadLength;
            if (p.payloadLength > 0) {
                flow.clientData(timestampNanos);
            }
        } else {
            flow.serverPackets++;
            flow.serverBytes += originalLength;
            flow.serverPayload += p.payloadLength;
            if (p.payloadLength > 0) {
                flow.serverData();
            }
        }
        if (!tcp) {
            return;
        }
        int flags = p.tcpFlags;
        if ((flags & Packet.SYN) != 0) {
            if (fromClient && (flags & Packet.ACK) == 0) {
                flow.tcpState |= Flow.SYN;
                flow.clientIsn = p.seq;
            } else if (!fromClient && (flags & Packet.ACK) != 0) {
                flow.tcpState |= Flow.SYN_ACK;
            }
        }
        if ((flags & Packet.RST) != 0) {
            flow.tcpState |= Flow.RESET;
        }
        if ((flags & Packet.FIN) != 0) {
            flow.tcpState |= fromClient ? Flow.CLIENT_FIN : Flow.SERVER_FIN;
        }
        if (!flow.analysed) {
            StreamBuffer stream = fromClient ? flow.clientStream : flow.serverStream;
            if (stream == null) {
                if (flow.bufferingAt < 0) {
                    listBuffering(flow);
                }
                stream = spareStreams.isEmpty() ? new StreamBuffer(reassemblyLimit, pool) : spareStreams.pop();
                if (fromClient) {
                    flow.clientStream = stream;
                } else {
                    flow.serverStream = stream;
                }
            }
            if ((flags & Packet.SYN) != 0) {
                stream.synchronise(p.seq);
            }
            int before = stream.footprint();
            stream.add(p.seq, p.data, p.payloadOffset, p.payloadLength);
            buffered += stream.footprint() - before;
            if (flow.closed()) {
                finish(flow);
            } else if (buffered > memoryBudget) {
                finishAll(); // rare: many open flows at once; analyse them with what they have so far
            }
        }
    }

    /** A hash of the packet's 5-tuple that is the same both ways: the sum of its ends'. */
    private static int hash(Packet p) {
        long h = (end(p.srcHigh, p.srcLow, p.srcPort) + end(p.dstHigh, p.dstLow, p.dstPort)) * 0x9e3779b97f4a7c15L + p.protocol;
        return (int) (h ^ h >>> 32);
    }

    private static long end(long high, long low, int port) {
        long h = (high * 0x9e3779b97f4a7c15L + low) * 0x9e3779b97f4a7c15L + port;
        return h ^ h >>> 29;
    }

    /** The slot of the packet's flow, or the empty slot where it goes. */
    private int slot(Packet p, int hash) {
        int mask = slots.length - 1;
        for (int i = hash & mask;; i = i + 1 & mask) {
            Flow f = slots[i];
            if (f == null || f.hash == hash && f.carries(p)) {
                return i;
            }
        }
    }

    private Flow open(int slot, int hash, Packet p, long timestampNanos, boolean opening) {
        boolean srcIsClient;
        if (opening) {
            srcIsClient = true;
        } else if (p.protocol == Packet.TCP && (p.tcpFlags & (Packet.SYN | Packet.ACK)) == (Packet.SYN | Packet.ACK)) {
            srcIsClient = false;
        } else {
            // joined mid-conversation: the well-known or proxy port is the server's
            srcIsClient = !(serverLike(p.srcPort) && !serverLike(p.dstPort));
        }
        InetAddress src = address(p.srcHigh, p.srcLow, p.ipVersion);
        InetAddress dst = address(p.dstHigh, p.dstLow, p.ipVersion);
        Flow flow = new Flow(flows.size() + 1, p.protocol == Packet.TCP ? Flow.Transport.TCP : Flow.Transport.UDP,
                srcIsClient ? src : dst, srcIsClient ? p.srcPort : p.dstPort, srcIsClient ? dst : src,
                srcIsClient ? p.dstPort : p.srcPort, timestampNanos);
        flow.clientHigh = srcIsClient ? p.srcHigh : p.dstHigh;
        flow.clientLow = srcIsClient ? p.srcLow : p.dstLow;
        flow.serverHigh = srcIsClient ? p.dstHigh : p.srcHigh;
        flow.serverLow = srcIsClient ? p.dstLow : p.srcLow;
        flow.hash = hash;
        flows.add(flow);
        if (flow.transport() == Flow.Transport.TCP) {
            tcpFlows++;
        }
        boolean newSlot = slots[slot] == null; // or else the 5-tuple's earlier connection is over
        slots[slot] = flow;
        if (newSlot && ++filled > slots.length >> 1) {
            grow();
        }
        return flow;
    }

    private void grow() {
        Flow[] old = slots;
        slots = new Flow[old.length << 1];
        int mask = slots.length - 1;
        for (Flow f : old) {
            if (f != null) {
                int i = f.hash & mask;
                while (slots[i] != null) {
                    i = i + 1 & mask;
                }
                slots[i] = f;
            }
        }
    }

    private static boolean serverLike(int port) {
        return port < 1024 || ProxyPorts.known(port);
    }

    private InetAddress address(long high, long low, int version) {
        lookUp.high = high;
        lookUp.low = low;
        InetAddress known = addresses.get(lookUp);
        if (known != null) {
            return known;
        }
        byte[] raw;
        if (version == 4) {
            raw = new byte[] { (byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low };
        } else {
            raw = new byte[16];
            for (int i = 0; i < 8; i++) {
                raw[i] = (byte) (high >>> 56 - 8 * i);
                raw[i + 8] = (byte) (low >>> 56 - 8 * i);
            }
        }
        try {
            InetAddress made = InetAddress.getByAddress(raw);
            addresses.put(new Address(high, low), made);
            return made;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Analyses a TCP flow's content once and gives its buffers back. */
    private void finish(Flow flow) {
        if (flow.analysed) {
            return;
        }
        flow.analysed = true;
        if (flow.bufferingAt >= 0) {
            unlistBuffering(flow);
        }
        ProxySession session = ContentAnalyzer.analyse(flow, contents(flow.clientStream), contents(flow.serverStream), texts);
        if (session != null) {
            sessions.add(session);
        }
        release(flow.clientStream);
        release(flow.serverStream);
        flow.clientStream = null;
        flow.serverStream = null;
    }

    private static Bytes contents(StreamBuffer stream) {
        return stream == null ? Bytes.EMPTY : stream.contents();
    }

    private void release(StreamBuffer stream) {
        if (stream != null) {
            buffered -= stream.footprint();
            stream.release();
            spareStreams.push(stream);
        }
    }

    /** Lists {@code flow} among those whose beginnings are buffered. */
    private void listBuffering(Flow flow) {
        if (bufferingCount == buffering.length) {
            buffering = Arrays.copyOf(buffering, 2 * bufferingCount);
        }
        flow.bufferingAt = bufferingCount;
        buffering[bufferingCount++] = flow;
    }

    /** Takes {@code flow} off that list: the last listed takes its place. */
    private void unlistBuffering(Flow flow) {
        Flow last = buffering[--bufferingCount];
        buffering[flow.bufferingAt] = last;
        last.bufferingAt = flow.bufferingAt;
        buffering[bufferingCount] = null;
        flow.bufferingAt = -1;
    }

    /**
     * Analyses every flow that still buffers its beginnings (open when the capture ends, or all at once when too
     * many are open), in the order they opened.
     */
    void finishAll() {
        Flow[] open = Arrays.copyOf(buffering, bufferingCount);
        Arrays.sort(open, Comparator.comparingInt(Flow::number));
        for (Flow f : open) {
            finish(f);
        }
    }

    @Override
    public void name(byte[] address, String name) {
        try {
            names.computeIfAbsent(AddressText.of(InetAddress.getByAddress(address)), k -> new TreeSet<>()).add(name);
        } catch (UnknownHostException e) {
            // the reader passes 4 or 16 bytes only
        }
    }
}
