package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.Flow;
import org.proxyscope.capture.HostRecord;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.capture.ProxySession.Outcome;
import org.proxyscope.core.Progress;

/**
 * Captures of real traffic through squid, microsocks, dante, tinyproxy and exim, recorded with tcpdump on
 * loopback (Ethernet) and on "any" (Linux cooked SLL2) and converted by editcap to pcapng and nanosecond pcap.
 * Counts are checked against tshark on the same file; sessions against the traffic the script sent.
 */
class RecordedCaptureTest {

    private static CaptureReport read(String name) throws Exception {
        return new CaptureImporter().read(Recorded.file(name), Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "lo.pcap", "any.pcap", "lo.pcapng", "lo-ns.pcap" })
    void countsAgreeWithTshark(String name) throws Exception {
        CaptureReport report = read(name);
        Path file = Recorded.file(name);
        Map<String, Long> tshark = Recorded.tsharkConversations(file);
        assertFalse(report.partial(), () -> report.problem().get());
        assertEquals(Recorded.tsharkPackets(file), report.packets());
        assertEquals(tshark.get("tcp"), report.tcpFlows(), "TCP conversations");
        assertEquals(tshark.get("udp"), report.udpFlows(), "UDP conversations");
        assertEquals(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))),
                report.sha256());
    }

    @ParameterizedTest
    @ValueSource(strings = { "lo.pcap", "any.pcap", "lo.pcapng", "lo-ns.pcap" })
    void findsEveryProxySessionTheTrafficMade(String name) throws Exception {
        int web = Recorded.port("web");
        int relay = Recorded.port("relay");
        int squidOpen = Recorded.envPort("PROXYSCOPE_TEST_SQUID_OPEN");
        int squidClosed = Recorded.envPort("PROXYSCOPE_TEST_SQUID_CLOSED");
        int socksOpen = Recorded.envPort("PROXYSCOPE_TEST_SOCKS_OPEN");
        int socksAuth = Recorded.envPort("PROXYSCOPE_TEST_SOCKS_AUTH");
        int danteOpen = Recorded.envPort("PROXYSCOPE_TEST_DANTE_OPEN");
        int danteClosed = Recorded.envPort("PROXYSCOPE_TEST_DANTE_CLOSED");
        int tinyproxy = Recorded.envPort("PROXYSCOPE_TEST_TINYPROXY");
        int fake = Recorded.port("fake");
        int wingate = Recorded.port("wingate");
        CaptureReport report = read(name);
        String target = "127.0.0.1:" + web;
        assertSession(report, squidOpen, "http-forward", target, Outcome.ESTABLISHED, "200");
        assertSession(report, squidOpen, "http-connect", target, Outcome.ESTABLISHED, "200");
        assertSession(report, squidClosed, "http-forward", target, Outcome.REFUSED, "403");
        assertSession(report, squidClosed, "http-connect", target, Outcome.REFUSED, "403");
        assertSession(report, socksOpen, "socks5", target, Outcome.ESTABLISHED, "0x0");
        assertSession(report, socksAuth, "socks5", "", Outcome.REFUSED, "authentication failed");
        assertSession(report, danteOpen, "socks4", target, Outcome.ESTABLISHED, "0x5a");
        assertSession(report, danteClosed, "socks5", target, Outcome.REFUSED, "0x2");
        assertSession(report, tinyproxy, "http-forward", target, Outcome.ESTABLISHED, "200");
        // answers 200 to CONNECT, never relays
        assertSession(report, fake, "http-connect", target, Outcome.UNVERIFIED, "200");
        assertEquals("a 200 to CONNECT from the proxy, and nothing came from the destination",
                session(report, fake, "http-connect", target).evidence());
        assertTrue(sessions(report, danteOpen, "socks4").stream().anyMatch(s -> s.destination().equals("localhost:" + web)),
                "the SOCKS4a request names its destination by host name");
        // both ends of this connection have the proxy's port number: each direction's packets still find the one flow
        ProxySession samePort = sessions(report, squidOpen, "http-forward").stream().filter(s -> s.client().port() == squidOpen)
                .findFirst().orElseThrow(() -> new AssertionError("no session from 127.0.0.2:" + squidOpen));
        assertEquals("127.0.0.2", samePort.client().host());
        assertEquals(Outcome.ESTABLISHED, samePort.outcome(), samePort.toString());
        assertEquals(1, report.flows().stream().filter(f -> f.client().equals(samePort.client())).count());

        // mail sent through a SOCKS5 and a CONNECT tunnel: one message to two recipients each
        for (ProxySession s : List.of(session(report, socksOpen, "socks5", "127.0.0.1:" + relay),
                session(report, squidOpen, "http-connect", "127.0.0.1:" + relay))) {
            assertTrue(s.carriesSmtp(), s.toString());
            assertEquals(1, s.smtpMessages());
            assertEquals(2, s.smtpRecipients());
            assertEquals(Outcome.ESTABLISHED, s.outcome());
        }
        assertFalse(session(report, socksOpen, "socks5", target).carriesSmtp());
        // and through a WinGate-style relay's telnet prompt: one message to one recipient
        ProxySession telnet = session(report, wingate, "wingate", "127.0.0.1:" + relay);
        assertEquals(Outcome.ESTABLISHED, telnet.outcome(), telnet.toString());
        assertEquals("Connecting to host 127.0.0.1:" + relay + "...Connected", telnet.code());
        assertTrue(telnet.carriesSmtp(), telnet.toString());
        assertEquals(1, telnet.smtpMessages());
        assertEquals(1, telnet.smtpRecipients());
        assertTrue(telnet.relayedFlow().isPresent(), "the relay's own connection to the mail server");
        assertSession(report, wingate, "wingate", "127.0.0.1:" + wingate, Outcome.REFUSED, "Connection refused by policy");

        // the proxy's own connection to the destination is in the capture too (loopback sees both legs)
        ProxySession forwarded = session(report, squidOpen, "http-forward", target);
        Flow outbound = report.flows().get(forwarded.relayedFlow().orElseThrow() - 1);
        assertEquals(web, outbound.server().port());
        assertTrue(outbound.firstNanos() >= forwarded.flow().firstNanos());
        assertTrue(session(report, fake, "http-connect", target).relayedFlow().isEmpty(), "the fake proxy connects nowhere");

        assertTrue(report.listening().stream().anyMatch(l -> l.port() == socksOpen && l.service().equals("socks5")));
        assertTrue(report.flows().stream().anyMatch(f -> f.service().word().equals("smtp") && f.server().port() == relay),
                "the direct SMTP connection is recognised by its content");
        HostRecord proxy = report.hosts().stream().filter(h -> h.address().equals("127.0.0.1")).findFirst().orElseThrow();
        assertEquals(HostRecord.PROXY, proxy.roles().iterator().next(), "a host that relayed is named a proxy first, whatever else it"
                + " claimed or did: " + proxy.roles());
        // a host that only fetched a page straight from the web server is a web client, and nothing more
        assertEquals(java.util.Set.of("web client"), report.hosts().stream().filter(h -> h.address().equals("127.0.0.3"))
                .findFirst().orElseThrow().roles());
    }

    /**
     * Who really answered: the proxy's own refusal is refused, an origin's error relayed by the proxy is still
     * relayed, and a server that says 200 and answers by itself relayed nothing. Each session says why.
     */
    @ParameterizedTest
    @ValueSource(strings = { "lo.pcap", "lo.pcapng" })
    void eachSessionSaysWhoAnsweredAndWhy(String name) throws Exception {
        int web = Recorded.port("web");
        int relay = Recorded.port("relay");
        int yes = Recorded.port("yes");
        int squidOpen = Recorded.envPort("PROXYSCOPE_TEST_SQUID_OPEN");
        int squidClosed = Recorded.envPort("PROXYSCOPE_TEST_SQUID_CLOSED");
        int tinyproxy = Recorded.envPort("PROXYSCOPE_TEST_TINYPROXY");
        int socksOpen = Recorded.envPort("PROXYSCOPE_TEST_SOCKS_OPEN");
        CaptureReport report = read(name);
        String target = "127.0.0.1:" + web;

        ProxySession page = session(report, squidOpen, "http-forward", target);
        assertTrue(page.evidence().matches("the proxy's connection to " + target + " is flow " + page.relayedFlow().orElseThrow()
                + "; the destination's 200 OK came back through the proxy \\(Server: SimpleHTTP/.*\\)"), page.evidence());
        for (int proxy : List.of(squidOpen, tinyproxy)) {
            ProxySession missing = sessions(report, proxy, "http-forward").stream().filter(x -> x.code().equals("404")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 404 through port " + proxy));
            assertEquals(Outcome.ESTABLISHED, missing.outcome(), missing.toString());
            assertTrue(missing.relayedFlow().isPresent(), missing.toString());
            assertTrue(missing.evidence().matches(".*the origin's own 404 [\\w ]+ came back through the proxy \\(Server: SimpleHTTP/.*"),
                    missing.evidence());
        }
        ProxySession forbidden = session(report, squidClosed, "http-forward", target);
        assertEquals(Outcome.REFUSED, forbidden.outcome());
        assertTrue(forbidden.evidence().matches("the proxy's own 403 Forbidden \\(Server: squid/[\\d.]+\\)"), forbidden.evidence());

        ProxySession mail = session(report, socksOpen, "socks5", "127.0.0.1:" + relay);
        assertTrue(mail.evidence().endsWith("; the destination's SMTP greeting came back through the tunnel"), mail.evidence());

        // says 200 to the GET and answers with its own page: the capture holds other proxies' onward connections, not one of its
        ProxySession ownPage = session(report, yes, "http-forward", target);
        assertEquals(Outcome.UNVERIFIED, ownPage.outcome(), ownPage.toString());
        assertTrue(ownPage.evidence().startsWith("the capture holds the proxy's own connections for other sessions, but none to "
                + target + " while this one was open; what the proxy answered: the destination's 200 OK"), ownPage.evidence());
        // says 200 to CONNECT to the mail server, then answers the client's EHLO with a web page
        ProxySession ownTunnel = session(report, yes, "http-connect", "127.0.0.1:" + relay);
        assertEquals(Outcome.UNVERIFIED, ownTunnel.outcome(), ownTunnel.toString());
        assertEquals("a 200 to CONNECT, but what came back through the tunnel (\"HTTP/1.1 200 OK\") is no SMTP greeting, which 127.0.0.1:"
                + relay + " would send first: the proxy answered itself", ownTunnel.evidence());
        assertTrue(report.hosts().stream().anyMatch(h -> h.address().equals("127.0.0.1") && h.roles().contains("claims to relay (unproven)")));
    }

    @org.junit.jupiter.api.Test
    void theAnyCaptureReallyIsLinuxCookedV2AndTheConversionsReallyDiffer() throws Exception {
        ByteBuffer any = ByteBuffer.wrap(Files.readAllBytes(Recorded.file("any.pcap"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(276, any.getInt(20), "tcpdump -i any writes LINKTYPE_LINUX_SLL2");
        ByteBuffer ns = ByteBuffer.wrap(Files.readAllBytes(Recorded.file("lo-ns.pcap"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xa1b23c4d, ns.getInt(0), "editcap -F nsecpcap writes the nanosecond magic");
        CaptureReport micro = read("lo.pcap");
        CaptureReport nano = read("lo-ns.pcap");
        assertEquals(micro.firstNanos(), nano.firstNanos());
        assertTrue(micro.firstNanos() > 1_600_000_000_000_000_000L, "time stamps are real times");
    }

    private static List<ProxySession> sessions(CaptureReport report, int proxyPort, String protocol) {
        return report.sessions().stream().filter(s -> s.proxy().port() == proxyPort && s.protocol().equals(protocol)).toList();
    }

    private static ProxySession session(CaptureReport report, int proxyPort, String protocol, String destination) {
        return sessions(report, proxyPort, protocol).stream().filter(s -> s.destination().equals(destination)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + protocol + " session through port " + proxyPort + " to "
                        + destination + "; found " + report.sessions().stream().map(s -> s.protocol() + " " + s.proxy() + " "
                                + s.destination()).collect(Collectors.joining(", "))));
    }

    private static void assertSession(CaptureReport report, int proxyPort, String protocol, String destination, Outcome outcome,
            String code) {
        ProxySession s = session(report, proxyPort, protocol, destination);
        assertEquals(outcome, s.outcome(), s.toString());
        assertEquals(code, s.code(), s.toString());
    }
}
