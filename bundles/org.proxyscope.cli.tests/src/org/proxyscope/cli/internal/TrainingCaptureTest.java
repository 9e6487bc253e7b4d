package org.proxyscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training capture must import cleanly, or the launcher keeps no start-up archive; the smoke test
 * imports it with the real importer, this checks its records and headers hold together.
 */
class TrainingCaptureTest {

    @TempDir
    Path tmp;

    @Test
    void everyRecordAndHeaderAddsUp() throws IOException {
        Path file = tmp.resolve("training.pcap");
        TrainingCapture.write(file, 20);

        ByteBuffer pcap = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b2c3d4, pcap.getInt(0), "microsecond pcap magic");
        assertEquals(1, pcap.getInt(20), "Ethernet");
        int packets = 0;
        int syns = 0;
        java.util.Set<String> tuples = new java.util.HashSet<>();
        int at = 24;
        while (at < pcap.limit()) {
            int captured = pcap.getInt(at + 8);
            assertEquals(captured, pcap.getInt(at + 12), "nothing is cut");
            ByteBuffer frame = pcap.slice(at + 16, captured).order(ByteOrder.BIG_ENDIAN);
            assertEquals(0x0800, Short.toUnsignedInt(frame.getShort(12)), "IPv4");
            assertEquals(captured - 14, Short.toUnsignedInt(frame.getShort(14 + 2)), "the IP total length covers the frame");
            if (frame.get(14 + 20 + 13) == 0x02) {
                syns++;
                tuples.add(frame.getInt(14 + 12) + ":" + frame.getShort(14 + 20) + ">" + frame.getInt(14 + 16) + ":" + frame.getShort(14 + 22));
            }
            packets++;
            at += 16 + captured;
        }
        assertEquals(pcap.limit(), at, "the last record ends with the file");
        assertEquals(23, syns, "20 client connections and the proxy's three relayed ones");
        assertEquals(20, tuples.size(), "the last two client connections and their relay reuse earlier ones' ports");
        assertTrue(packets > 20 * 8, packets + " packets");
    }
}
