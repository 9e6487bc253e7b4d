package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.Flow;
import org.proxyscope.capture.FlowFilter;
import org.proxyscope.capture.FlowStream;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.core.Progress;

/** The filter line and the follow-stream reading behind the Flows view, on the recorded capture. */
class FlowViewsTest {

    private static CaptureReport report() throws Exception {
        return new CaptureImporter().read(Recorded.file("lo.pcapng"), Progress.NONE);
    }

    private static List<Flow> filter(CaptureReport r, String text) {
        return r.flows().stream().filter(FlowFilter.parse(text)).toList();
    }

    @Test
    void filtersCombinePortsServicesAndHosts() throws Exception {
        CaptureReport r = report();
        int socks = Recorded.envPort("PROXYSCOPE_TEST_SOCKS_OPEN");
        List<Flow> socksFlows = filter(r, "port " + socks + " and socks");
        assertEquals(2, socksFlows.size(), "the page fetch and the mail through the open microsocks");
        assertTrue(socksFlows.stream().allMatch(f -> f.server().port() == socks));
        assertEquals(r.flowCount(), filter(r, "tcp or udp").size());
        assertEquals(filter(r, "udp").size(), filter(r, "not tcp").size());
        assertEquals(r.sessions().size(), filter(r, "proxy").size());
        assertEquals(filter(r, "smtp or (proxy and port " + Recorded.port("relay") + ")").size(),
                filter(r, "port " + Recorded.port("relay")).stream().filter(f -> f.service().word().equals("smtp")
                        || f.service().proxy()).count());
        assertEquals(r.flowCount(), filter(r, "host 127.0.0.1 or host ::1").size());
        assertEquals(List.of(r.flows().get(4)), filter(r, "flow 5"));
        assertEquals(r.flowCount(), filter(r, "  ").size());
    }

    @Test
    void badFiltersNameTheirProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowFilter.parse("port http")).getMessage().contains("number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowFilter.parse("socks and")).getMessage().contains("ends"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowFilter.parse("(socks")).getMessage().contains("never closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlowFilter.parse("gopher")).getMessage().contains("\"gopher\""));
    }

    @Test
    void followingATunnelShowsTheMailInsideIt() throws Exception {
        CaptureReport r = report();
        int socks = Recorded.envPort("PROXYSCOPE_TEST_SOCKS_OPEN");
        ProxySession mail = r.sessions().stream().filter(s -> s.proxy().port() == socks && s.carriesSmtp()).findFirst().orElseThrow();
        List<FlowStream.Segment> segments = FlowStream.read(r.file(), mail.flow(), 1 << 20);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        ByteArrayOutputStream server = new ByteArrayOutputStream();
        segments.forEach(s -> (s.fromClient() ? client : server).writeBytes(s.bytes()));
        assertEquals(mail.flow().clientPayload(), client.size(), "every client byte of the flow, in order");
        assertEquals(mail.flow().serverPayload(), server.size());
        String sent = client.toString(StandardCharsets.ISO_8859_1);
        assertTrue(sent.contains("RCPT TO:<alice@victim.test>") && sent.contains("Subject: cheap watches"), sent);
        assertTrue(server.toString(StandardCharsets.ISO_8859_1).contains("220 "));
        assertFalse(segments.get(0).fromClient() && segments.get(0).bytes()[0] != 5, "the client's SOCKS greeting comes first");
        assertEquals(16, FlowStream.read(r.file(), mail.flow(), 16).stream().mapToInt(s -> s.bytes().length).sum());
    }
}
