package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.proxyscope.cli.JsonStreamWriter;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The command line writes a large import's JSON on two threads: byte for byte what one thread writes. */
class CaptureJsonTest {

    @Test
    void twoThreadsWriteWhatOneWrites() throws Exception {
        CaptureReport report = report(9_001);
        String one = json(report, false);
        assertEquals(one, json(report, true));

        JsonObject parsed = JsonParser.parseString(one).getAsJsonObject();
        JsonArray sessions = parsed.getAsJsonArray("proxy_sessions");
        assertEquals(9_001, sessions.size());
        assertEquals(9_001, parsed.get("tcp_flows").getAsInt(), "the flows counted when the report was made");
        assertEquals(0, parsed.get("udp_flows").getAsInt());
        for (int i = 0; i < sessions.size(); i++) {
            assertEquals(i + 1, sessions.get(i).getAsJsonObject().get("flow").getAsInt(), "session " + i + " in order");
        }
        assertEquals("caf\u00e9 \"quoted\" 9001", sessions.get(9_000).getAsJsonObject().get("evidence").getAsString());
        assertEquals(2, parsed.getAsJsonArray("hosts").size());
        assertTrue(one.endsWith("\n}"), "the object closed once, at the end");
    }

    /** Where hosts outweigh the sessions (a usual capture), the second thread's part begins in the hosts. */
    @Test
    void twoThreadsWriteWhatOneWritesWhenHostsOutweighSessions() throws Exception {
        for (int sessions : new int[] {0, 1, 2_500}) {
            CaptureReport report = report(sessions, 20_000);
            String one = json(report, false);
            assertEquals(one, json(report, true), sessions + " sessions");
            JsonArray hosts = JsonParser.parseString(one).getAsJsonObject().getAsJsonArray("hosts");
            assertEquals(20_002, hosts.size());
            for (int i = 0; i < 20_000; i++) {
                assertEquals("203.0." + (i >> 8) + "." + (i & 255), hosts.get(i + 2).getAsJsonObject().get("address").getAsString(),
                        "host " + i + " in order");
            }
        }
    }

    /**
     * The parts may begin where the sessions end: the second thread's part then closes their array, and writes the
     * listening sockets before its hosts (1,000 sessions and 3,000 hosts make two parts of equal length).
     */
    @Test
    void aPartMayBeginWhereTheSessionsEnd() throws Exception {
        for (int more : new int[] {2_998, 2_999, 2_997}) {
            CaptureReport report = report(1_000, more);
            String one = json(report, false);
            assertEquals(one, json(report, true), more + " more hosts");
            JsonObject parsed = JsonParser.parseString(one).getAsJsonObject();
            assertEquals(1_000, parsed.getAsJsonArray("proxy_sessions").size());
            assertEquals(1, parsed.getAsJsonArray("listening").size());
            assertEquals(more + 2, parsed.getAsJsonArray("hosts").size());
        }
    }

    /**
     * Each end of a session as an analyst reads it, an IPv6 address in brackets, and its evidence naming the proxy's onward
     * connection; each host with its names, roles and ports.
     */
    @Test
    void endpointsAndHostsReadAsAnAnalystWritesThem() throws Exception {
        InetAddress client = InetAddress.getByName("2001:db8:0:0:0:0:0:7");
        InetAddress proxy = InetAddress.getByName("192.0.2.7");
        Flow f = new Flow(1, Flow.Transport.TCP, client, 40_001, proxy, 1080, 1_000L);
        Flow onward = new Flow(2, Flow.Transport.TCP, proxy, 50_000, InetAddress.getByName("198.51.100.25"), 25, 2_000L);
        // paired with the proxy's onward connection: its evidence not yet made when the JSON is written
        ProxySession s = new ProxySession(f, "socks5", "198.51.100.25:25", ProxySession.Outcome.ESTABLISHED, "0x0", "granted", false, 0, 0,
                OptionalInt.empty()).relayedBy(onward);
        Set<String> roles = new java.util.LinkedHashSet<>(List.of("proxy", "mail client"));
        CaptureReport report = new CaptureReport(Path.of("v6.pcap"), CaptureFormat.PCAP, "ab".repeat(32), 10, 1000, List.of(f, onward), List.of(s),
                List.of(), List.of(new HostRecord("192.0.2.7", Set.of("proxy.example.test"), roles, List.of(1080, 3128), 0, 1),
                        new HostRecord("2001:db8::7", Set.of(), Set.of("proxy client"), List.of(), 1, 0)),
                0, 0, 1_000L, 1_000L, Duration.ofMillis(1), Optional.empty());

        String written = json(report, false);
        JsonObject parsed = JsonParser.parseString(written).getAsJsonObject();
        JsonObject session = parsed.getAsJsonArray("proxy_sessions").get(0).getAsJsonObject();
        assertEquals("the proxy's connection to 198.51.100.25:25 is flow 2; granted", session.get("evidence").getAsString());
        assertEquals(s.evidence(), session.get("evidence").getAsString());
        assertEquals(written, json(report, false), "the same once the evidence is made");
        assertEquals("[2001:db8::7]:40001", session.get("client").getAsString());
        assertEquals("192.0.2.7:1080", session.get("proxy").getAsString());
        JsonObject host = parsed.getAsJsonArray("hosts").get(0).getAsJsonObject();
        assertEquals("[\"proxy.example.test\"]", host.get("names").toString());
        assertEquals("[\"proxy\",\"mail client\"]", host.get("roles").toString());
        assertEquals("[1080,3128]", host.get("listening").toString());
        assertEquals("[]", parsed.getAsJsonArray("hosts").get(1).getAsJsonObject().get("listening").toString());
    }

    @Test
    void aFewSessionsAreWrittenAsOneThreadWritesThem() throws Exception {
        CaptureReport report = report(3);
        assertEquals(json(report, false), json(report, true));
        assertEquals(3, JsonParser.parseString(json(report, true)).getAsJsonObject().getAsJsonArray("proxy_sessions").size());
    }

    /** The summary groups sessions that differ only in their client, in the order each group first appears. */
    @Test
    void theSummaryGroupsSessionsByAllButTheClientRelaysFirst() throws Exception {
        InetAddress proxy = InetAddress.getByName("192.0.2.7");
        InetAddress one = InetAddress.getByName("10.0.0.1");
        InetAddress two = InetAddress.getByName("10.0.0.2");
        List<Flow> flows = new ArrayList<>();
        List<ProxySession> sessions = new ArrayList<>();
        Object[][] made = {
            {one, 1080, "198.51.100.25:25", ProxySession.Outcome.ESTABLISHED, "0x0", 2},
            {two, 8080, "203.0.113.80:443", ProxySession.Outcome.REFUSED, "403", 0},
            {two, 1080, "198.51.100.25:25", ProxySession.Outcome.ESTABLISHED, "0x0", 1},
            {one, 1080, new String("198.51.100.25:25"), ProxySession.Outcome.ESTABLISHED, "0x0", 3},
            {one, 1080, "198.51.100.25:25", ProxySession.Outcome.UNVERIFIED, "0x0", 0}};
        for (Object[] m : made) {
            Flow f = new Flow(flows.size() + 1, Flow.Transport.TCP, (InetAddress) m[0], 40_000 + flows.size(), proxy, (int) m[1],
                    1_000L * (flows.size() + 1));
            flows.add(f);
            int messages = (int) m[5];
            sessions.add(new ProxySession(f, (int) m[1] == 1080 ? "socks5" : "http-connect", (String) m[2],
                    (ProxySession.Outcome) m[3], (String) m[4], "", messages > 0, messages, 2 * messages, OptionalInt.empty()));
        }
        CaptureReport report = new CaptureReport(Path.of("small.pcap"), CaptureFormat.PCAP, "ab".repeat(32), 50, 5000, flows, sessions,
                List.of(), List.of(), 0, 0, 1_000, 5_000, Duration.ofMillis(7), Optional.empty());

        List<String> lines = CaptureJson.summary(report, "small.pcap").lines().toList();
        assertEquals(List.of("  5 proxy sessions, 3 established",
                "         3 x socks5 via 192.0.2.7:1080 to 198.51.100.25:25: established (0x0); 2 clients, first flow 1;"
                        + " 3 carried SMTP: 6 messages to 12 recipients",
                "         1 x socks5 via 192.0.2.7:1080 to 198.51.100.25:25: unverified (0x0); 1 client, first flow 5",
                "         1 x http-connect via 192.0.2.7:8080 to 203.0.113.80:443: refused (403); 1 client, first flow 2"),
                lines.subList(2, lines.size()));
    }

    private static String json(CaptureReport report, boolean twoThreads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonStreamWriter writer = new JsonStreamWriter(out);
        if (twoThreads) {
            CaptureJson.writeOnTwoThreads(report, writer);
        } else {
            CaptureJson.write(report, writer);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A capture of {@code n} proxy sessions from as many clients through one proxy, with its two hosts. */
    private static CaptureReport report(int n) throws Exception {
        return report(n, 0);
    }

    /** The same, with {@code more} hosts after those two, each a web server. */
    private static CaptureReport report(int n, int more) throws Exception {
        InetAddress proxy = InetAddress.getByName("192.0.2.7");
        List<Flow> flows = new ArrayList<>();
        List<ProxySession> sessions = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Flow f = new Flow(i, Flow.Transport.TCP, InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}),
                    40_000 + i % 20_000, proxy, 1080, 1_000_000L * i);
            flows.add(f);
            sessions.add(new ProxySession(f, "socks5", "198.51.100.25:25", ProxySession.Outcome.ESTABLISHED, "granted",
                    "caf\u00e9 \"quoted\" " + i, i % 2 == 0, i % 3, i % 5, i % 7 == 0 ? OptionalInt.of(i + n) : OptionalInt.empty()));
        }
        List<HostRecord> hosts = new ArrayList<>(List.of(new HostRecord("10.0.0.1", Set.of(), Set.of("proxy client"), List.of(), 1, 0),
                new HostRecord("192.0.2.7", Set.of("proxy.example.test"), Set.of("proxy"), List.of(1080), 0, n)));
        for (int i = 0; i < more; i++) {
            hosts.add(new HostRecord("203.0." + (i >> 8) + "." + (i & 255), Set.of(), Set.of("web server"), List.of(80), 0, 1));
        }
        return new CaptureReport(Path.of("dense.pcap"), CaptureFormat.PCAP, "ab".repeat(32), 10L * n, 1000L * n, flows, sessions,
                List.of(new ListeningSocket("192.0.2.7:1080", 1080, "socks5", "")), hosts, 0, 0, 1_000_000L, 1_000_000L * n,
                Duration.ofMillis(42), Optional.empty());
    }
}
