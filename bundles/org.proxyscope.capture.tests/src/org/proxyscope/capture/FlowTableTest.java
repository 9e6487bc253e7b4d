package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxyscope.capture.internal.PacketDecoder;

/** The flow table finishes the flows still open when a capture ends in the order they opened. */
class FlowTableTest {

    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH_ACK = 0x18;
    private static final int SYN_ACK = 0x12;

    private final FlowTable table = new FlowTable(CaptureImporter.DEFAULT_REASSEMBLY_LIMIT, 128L << 20);
    private long nanos = 1_000_000_000L;

    /**
     * Four CONNECT sessions open; the first is reset, the other three are still open at the end. The table keeps the
     * open ones unordered (the reset one's place goes to the last), yet they are analysed, and their sessions listed,
     * in the order they opened.
     */
    @Test
    void openFlowsAreFinishedInTheOrderTheyOpened() {
        for (int client = 1; client <= 4; client++) {
            packet(client, true, SYN, 1000, new byte[0]);
            packet(client, false, SYN_ACK, 5000, new byte[0]);
        }
        for (int client = 1; client <= 4; client++) {
            packet(client, true, PSH_ACK, 1001, ascii("CONNECT 198.51.100.25:25 HTTP/1.1\r\nHost: 198.51.100.25:25\r\n\r\n"));
            packet(client, false, PSH_ACK, 5001, ascii("HTTP/1.1 200 Connection established\r\n\r\n"));
        }
        packet(1, true, RST, 1100, new byte[0]);
        assertEquals(List.of(1), flowsOfSessions(), "the reset flow is analysed at once");

        table.finishAll();

        assertEquals(List.of(1, 2, 3, 4), flowsOfSessions());
        assertEquals(4, table.flows.stream().filter(f -> f.service() == Service.HTTP_CONNECT).count(), "every flow analysed");
    }

    private List<Integer> flowsOfSessions() {
        return table.sessions.stream().map(s -> s.flow().number()).toList();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A TCP segment between client 10.0.0.{client}:4000{client} and the proxy 192.0.2.7:8080, as a raw IPv4 packet. */
    private void packet(int client, boolean fromClient, int flags, long seq, byte[] payload) {
        byte[] clientAddress = {10, 0, 0, (byte) client};
        byte[] proxy = {(byte) 192, 0, 2, 7};
        int clientPort = 40_000 + client;
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putInt(0).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(fromClient ? clientAddress : proxy).put(fromClient ? proxy : clientAddress);
        b.putShort((short) (fromClient ? clientPort : 8080)).putShort((short) (fromClient ? 8080 : clientPort)).putInt((int) seq).putInt(0)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0).put(payload);
        nanos += 1_000_000;
        table.packet(nanos, PacketDecoder.LINK_RAW, b.array(), 0, b.capacity(), b.capacity());
    }
}
