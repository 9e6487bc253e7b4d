package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.tests.CaptureWriter.IpPacket;
import org.proxyscope.capture.tests.CaptureWriter.Layout;
import org.proxyscope.capture.tests.CaptureWriter.Link;
import org.proxyscope.core.Progress;

/**
 * The recorded loopback traffic re-wrapped in every link layer, byte order, time resolution and pcapng
 * layout the reader supports: each variant must give the same flows and sessions as the original, and
 * tshark must count the same conversations in it.
 */
class FormatVariantsTest {

    @TempDir
    Path tmp;

    private static List<IpPacket> packets() throws Exception {
        return CaptureWriter.ipPackets(Recorded.file("lo.pcap"));
    }

    private static String fingerprint(CaptureReport r) {
        return fingerprintWithoutPairs(r) + r.sessions().stream().map(s -> s.relayedFlow().toString()).toList();
    }

    /**
     * Flows and sessions, without the pairing of sessions to the proxy's own connections (that needs time stamps);
     * a session judged unverified only because the capture held no such connection for it counts as its content
     * made it (established).
     */
    private static String fingerprintWithoutPairs(CaptureReport r) {
        return r.packets() + " packets, " + r.tcpFlows() + " tcp, " + r.udpFlows() + " udp, sessions "
                + r.sessions().stream().map(s -> s.protocol() + " " + s.proxy() + " " + s.destination() + " "
                        + (s.evidence().startsWith("the capture holds the proxy's own connections for other sessions") ? "established" : s.outcome().word())
                        + " " + s.smtpMessages()).toList();
    }

    private CaptureReport read(String name, byte[] content) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, content);
        CaptureReport report = new CaptureImporter().read(file, Progress.NONE);
        assertFalse(report.partial(), () -> name + ": " + report.problem().get());
        return report;
    }

    @ParameterizedTest
    @EnumSource(value = Link.class, names = { "IPV4", "IPV6" }, mode = EnumSource.Mode.EXCLUDE)
    void everyLinkLayerInBothByteOrdersGivesTheSameAnalysis(Link link) throws Exception {
        String expected = fingerprint(new CaptureImporter().read(Recorded.file("lo.pcap"), Progress.NONE));
        List<IpPacket> packets = packets();
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            for (boolean nanos : List.of(false, true)) {
                String name = link + "-" + order + (nanos ? "-ns" : "-us") + ".pcap";
                CaptureReport report = read(name, CaptureWriter.pcap(packets, link, order, nanos));
                assertEquals(expected, fingerprint(report), name);
                assertEquals(packets.get(0).nanos(), report.firstNanos(), name);
                if (order == ByteOrder.BIG_ENDIAN && nanos) {
                    assertEquals(Recorded.tsharkConversations(tmp.resolve(name)).get("tcp"), report.tcpFlows(), name);
                }
            }
        }
    }

    @Test
    void theIpLinkTypesCarryOneVersionEach() throws Exception {
        CaptureReport whole = new CaptureImporter().read(Recorded.file("lo.pcap"), Progress.NONE);
        List<IpPacket> v4 = packets().stream().filter(p -> (p.ip()[0] & 0xf0) == 0x40).toList();
        List<IpPacket> v6 = packets().stream().filter(p -> (p.ip()[0] & 0xf0) == 0x60).toList();
        CaptureReport four = read("v4.pcap", CaptureWriter.pcap(v4, Link.IPV4, ByteOrder.LITTLE_ENDIAN, false));
        CaptureReport six = read("v6.pcap", CaptureWriter.pcap(v6, Link.IPV6, ByteOrder.BIG_ENDIAN, true));
        assertEquals(whole.flowCount(), four.flowCount() + six.flowCount());
        assertEquals(whole.sessions().size(), four.sessions().size() + six.sessions().size());
        assertEquals(0, four.malformedPackets() + six.malformedPackets());
    }

    @Test
    void pcapngSectionsInterfacesResolutionsAndNames() throws Exception {
        String expected = fingerprint(new CaptureImporter().read(Recorded.file("lo.pcap"), Progress.NONE));
        List<IpPacket> packets = packets();
        long first = packets.get(0).nanos();
        for (Layout layout : List.of(new Layout(ByteOrder.BIG_ENDIAN, 1, 6, false), new Layout(ByteOrder.LITTLE_ENDIAN, 3, 9, true),
                new Layout(ByteOrder.BIG_ENDIAN, 2, 0x8a, true), new Layout(ByteOrder.LITTLE_ENDIAN, 1, 3, false))) {
            String name = "variant-" + layout.order() + "-" + layout.sections() + "-" + layout.resolution() + ".pcapng";
            CaptureReport report = read(name, CaptureWriter.pcapng(packets, Link.SLL2, layout));
            assertEquals(expected, fingerprint(report), name);
            long step = layout.resolution() == 0x8a ? 1_000_000_000L / 1024 + 1 : layout.resolution() == 3 ? 1_000_000 : 1000;
            assertTrue(Math.abs(report.firstNanos() - first) < step, name + ": " + report.firstNanos() + " vs " + first);
            assertEquals(Recorded.tsharkConversations(tmp.resolve(name)).get("tcp"), report.tcpFlows(), name);
            if (layout.names()) {
                assertTrue(report.hosts().stream().anyMatch(h -> h.address().equals("127.0.0.1")
                        && h.names().contains("proxy.victim.test")), name);
            }
        }
    }

    @Test
    void simplePacketBlocks() throws Exception {
        String expected = fingerprintWithoutPairs(new CaptureImporter().read(Recorded.file("lo.pcap"), Progress.NONE));
        for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
            CaptureReport report = read("simple-" + order + ".pcapng", CaptureWriter.simplePcapng(packets(), Link.RAW, order));
            // simple packet blocks carry no time: flows and sessions are the same, nothing is paired by time
            assertEquals(expected, fingerprintWithoutPairs(report));
            assertTrue(report.sessions().stream().allMatch(s -> s.relayedFlow().isEmpty()));
        }
    }
}
