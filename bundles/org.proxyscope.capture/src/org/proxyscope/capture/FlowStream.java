package org.proxyscope.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.proxyscope.capture.internal.ByteSource;
import org.proxyscope.capture.internal.Packet;
import org.proxyscope.capture.internal.PacketDecoder;
import org.proxyscope.capture.internal.PacketSink;
import org.proxyscope.core.Progress;

/**
 * The bytes one flow carried, both directions in capture order, for the follow-stream view. The capture is
 * read again rather than kept in memory: imports stay bounded, and the view shows exactly what the file holds.
 * Retransmitted TCP bytes appear once.
 */
public final class FlowStream {

    /** A run of payload in one direction. */
    public record Segment(boolean fromClient, long nanos, byte[] bytes) {
    }

    private FlowStream() {
    }

    /** Up to {@code limit} payload bytes of {@code flow}, read from the capture {@code file}. */
    public static List<Segment> read(Path file, Flow flow, int limit) throws IOException, CaptureFormatException {
        List<Segment> segments = new ArrayList<>();
        Packet p = new Packet();
        byte[] client = flow.client().address().getAddress();
        byte[] server = flow.server().address().getAddress();
        long[] nextSeq = { -1, -1 };
        int[] total = { 0 };
        PacketSink sink = (nanos, linkType, data, offset, length, original) -> {
            if (total[0] >= limit || nanos != 0 && (nanos < flow.firstNanos() || nanos > flow.lastNanos())
                    || PacketDecoder.decode(linkType, data, offset, length, p) != PacketDecoder.Result.IP || !p.transport
                    || p.payloadLength <= 0 || (p.protocol == Packet.TCP) != (flow.transport() == Flow.Transport.TCP)) {
                return;
            }
            boolean fromClient;
            if (p.srcPort == flow.client().port() && p.dstPort == flow.server().port() && matches(p, true, client, server)) {
                fromClient = true;
            } else if (p.srcPort == flow.server().port() && p.dstPort == flow.client().port() && matches(p, false, client, server)) {
                fromClient = false;
            } else {
                return;
            }
            int start = p.payloadOffset;
            int count = p.payloadLength;
            if (p.protocol == Packet.TCP) {
                int side = fromClient ? 0 : 1;
                long end = p.seq + count & 0xffffffffL;
                if (nextSeq[side] >= 0) {
                    long fresh = end - nextSeq[side] & 0xffffffffL;
                    if (fresh == 0 || fresh > Integer.MAX_VALUE) {
                        return; // a retransmission of bytes already shown
                    }
                    if (fresh < count) {
                        start += (int) (count - fresh);
                        count = (int) fresh;
                    }
                }
                nextSeq[side] = end;
            }
            count = Math.min(count, limit - total[0]);
            total[0] += count;
            segments.add(new Segment(fromClient, nanos, Arrays.copyOfRange(data, start, start + count)));
        };
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            byte[] head = new byte[4];
            int n = channel.read(java.nio.ByteBuffer.wrap(head));
            channel.position(0);
            ByteSource source = new ByteSource(channel, 1 << 20);
            CaptureFormat format = CaptureImporter.recognise(head, n);
            if (format == null) {
                throw CaptureImporter.unrecognised(file, head, n); // replaced since it was read
            }
            if (format == CaptureFormat.NETSTAT) {
                return segments; // a listing has no payload to follow
            }
            try {
                CaptureImporter.readPackets(format, source, sink, Progress.NONE);
            } catch (CaptureFormatException e) {
                if (segments.isEmpty()) {
                    throw e;
                }
            }
        }
        return segments;
    }

    private static boolean matches(Packet p, boolean fromClient, byte[] client, byte[] server) {
        return PacketDecoder.holds(p.srcHigh, p.srcLow, fromClient ? client : server)
                && PacketDecoder.holds(p.dstHigh, p.dstLow, fromClient ? server : client);
    }
}
