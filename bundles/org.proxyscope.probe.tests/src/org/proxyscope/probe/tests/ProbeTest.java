package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.ProbeRefusedException;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.ProbeRequest;
import org.proxyscope.probe.Prober;
import org.proxyscope.probe.Verdict;

/**
 * Probes against real proxies (squid and microsocks from Debian, started on loopback by
 * releng/services/proxies.sh, their addresses in PROXYSCOPE_TEST_*) and against hostile servers run here.
 * Every connection goes to 127.0.0.1.
 */
class ProbeTest {

    private static final List<String> ALL = List.of("http-connect", "http-get", "http-post", "socks4", "socks4a", "socks5");
    private final Prober prober = new Prober(Prober.builtIn());
    private Canary canary;
    private final List<ServerSocket> servers = new ArrayList<>();

    @BeforeEach
    void startCanary() throws IOException {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() throws IOException {
        canary.close();
        for (ServerSocket s : servers) {
            s.close();
        }
    }

    private static int proxyPort(String variable) {
        String address = System.getenv(variable);
        assumeTrue(address != null, "the real proxies are not running (releng/services/proxies.sh, run by releng/test.sh)");
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private ProbeReport probe(int port, List<String> protocols, Duration timeout) throws Exception {
        Host host = Host.parse("127.0.0.1");
        return prober.run(new ProbeRequest(host, List.of(port), protocols, timeout, Duration.ofSeconds(20),
                Scope.targetOnly(host)), canary, f -> { });
    }

    /** Fails with the finding's detail and transcript, so a failure on another machine says what the proxy answered. */
    private static void assertVerdict(Verdict expected, ProbeReport report, String protocol) {
        Finding f = finding(report, protocol);
        assertEquals(expected, f.verdict(), () -> protocol + ": " + f.detail() + "\n" + f.transcript().text());
    }

    private static Finding finding(ProbeReport report, String protocol) {
        return report.findings().stream().filter(f -> f.protocol().equals(protocol)).findFirst().orElseThrow();
    }

    @Test
    void openSquidRelaysConnectAndGetProvenByTheCanary() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_SQUID_OPEN"), ALL, Duration.ofSeconds(2));
        assertVerdict(Verdict.OPEN, report, "http-connect");
        assertVerdict(Verdict.OPEN, report, "http-get");
        assertVerdict(Verdict.OPEN, report, "http-post");
        // squid waits in silence for the rest of an HTTP request that a SOCKS greeting never completes; having
        // answered HTTP within milliseconds, the port's silence says enough long before the 2 s deadline
        assertVerdict(Verdict.NOT_A_PROXY, report, "socks5");
        assertTrue(finding(report, "socks5").detail().matches("silent for \\d+ ms, while the port answered http-\\w+ within \\d+ ms"),
                finding(report, "socks5").detail());
        assertTrue(report.elapsed().toMillis() < 1500, "the run did not wait out the deadline: " + report.elapsed());
        assertEquals("open-proxy", report.verdict());
        Finding get = finding(report, "http-get");
        assertTrue(get.canaryVerified());
        assertTrue(get.detail().contains("Via:") && get.detail().contains("squid"), get.detail());
        String transcript = get.transcript().text();
        assertTrue(transcript.contains("> GET http://127.0.0.1:" + canary.address().getPort() + "/pxc-"), transcript);
        assertTrue(transcript.contains("< HTTP/1.1 200 OK"), transcript);
        assertTrue(transcript.contains(": the canary received the token from 127.0.0.1:"), transcript);
    }

    @Test
    void closedSquidDeniesWithItsStatus() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_SQUID_CLOSED"),
                List.of("http-connect", "http-get", "http-post", "socks5"), Duration.ofSeconds(2));
        assertVerdict(Verdict.DENIED, report, "http-connect");
        assertVerdict(Verdict.DENIED, report, "http-get");
        assertVerdict(Verdict.DENIED, report, "http-post");
        assertTrue(finding(report, "http-get").detail().startsWith("HTTP/1.1 403 Forbidden"), finding(report, "http-get").detail());
        // the silent SOCKS probe leaves no doubt on a port squid identified itself on
        assertVerdict(Verdict.NOT_A_PROXY, report, "socks5");
        assertEquals("no-open-proxy", report.verdict());
    }

    @Test
    void openMicrosocksRelaysSocks5() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_SOCKS_OPEN"), List.of("socks5", "socks4", "http-connect"),
                Duration.ofSeconds(5));
        assertVerdict(Verdict.OPEN, report, "socks5");
        assertTrue(finding(report, "socks5").canaryVerified());
        assertVerdict(Verdict.NOT_A_PROXY, report, "http-connect");
        assertEquals("open-proxy", report.verdict());
    }

    @Test
    void microsocksWithPasswordIsAuthRequired() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_SOCKS_AUTH"), List.of("socks5"), Duration.ofSeconds(5));
        assertVerdict(Verdict.AUTH_REQUIRED, report, "socks5");
        assertEquals("socks5 requires username/password", finding(report, "socks5").detail());
        assertEquals("no-open-proxy", report.verdict());
    }

    @Test
    void openDanteRelaysSocks4AndSocks5() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_DANTE_OPEN"), List.of("socks4", "socks5"), Duration.ofSeconds(5));
        assertVerdict(Verdict.OPEN, report, "socks4");
        assertVerdict(Verdict.OPEN, report, "socks5");
        assertEquals("open-proxy", report.verdict());
    }

    @Test
    void danteThatBlocksEverythingDenies() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_DANTE_CLOSED"), List.of("socks4", "socks5"), Duration.ofSeconds(5));
        assertVerdict(Verdict.DENIED, report, "socks4");
        assertVerdict(Verdict.DENIED, report, "socks5");
        assertTrue(finding(report, "socks5").detail().contains("not allowed by ruleset"), finding(report, "socks5").detail());
        assertEquals("no-open-proxy", report.verdict());
    }

    @Test
    void tinyproxyRelaysConnectAndGet() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_TINYPROXY"), List.of("http-connect", "http-get"),
                Duration.ofSeconds(5));
        assertVerdict(Verdict.OPEN, report, "http-connect");
        assertVerdict(Verdict.OPEN, report, "http-get");
        assertTrue(finding(report, "http-get").detail().contains("tinyproxy"), finding(report, "http-get").detail());
    }

    /**
     * tinyproxy forwards the request line and the headers in separate writes; a canary that answered on the
     * token alone closed before the headers came and made the relay report a failed write instead.
     */
    @Test
    void theCanaryAnswersOnlyAfterTheWholeRequestHead() throws Exception {
        String token = Canary.newToken();
        try (Socket relay = new Socket(canary.address().getAddress(), canary.address().getPort())) {
            OutputStream out = relay.getOutputStream();
            out.write(("GET /" + token + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            relay.setSoTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, () -> relay.getInputStream().read(),
                    "the canary must wait for the rest of the request head");
            out.write("Host: canary\r\nVia: 1.1 relay\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            relay.setSoTimeout(3000);
            String reply = new String(relay.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(reply.startsWith("HTTP/1.0 200 OK") && reply.endsWith(Canary.replyFor(token)), reply);
        }
        assertTrue(canary.awaitToken(token, Duration.ofSeconds(1)).isPresent());
    }

    /**
     * WinGate itself is Windows software; this peer speaks its telnet interface and really relays, to
     * loopback only, as the trojan proxies that copy it do.
     */
    @Test
    void aWinGateStyleRelayIsOpen() throws Exception {
        int port = serve(client -> {
            OutputStream out = client.getOutputStream();
            out.write("WinGate>".getBytes(StandardCharsets.US_ASCII));
            String line = readLine(client.getInputStream());
            String[] hostPort = line.strip().split(":");
            if (hostPort.length != 2) {
                return; // the prober's port scan connects and hangs up without a word
            }
            InetAddress host = InetAddress.getByName(hostPort[0]);
            assertTrue(host.isLoopbackAddress(), "this test relay reaches loopback only");
            try (Socket onward = new Socket(host, Integer.parseInt(hostPort[1]))) {
                out.write(("Connecting to host " + line.strip() + "...Connected\r\n").getBytes(StandardCharsets.US_ASCII));
                Thread pump = Thread.ofVirtual().start(() -> copy(onward, client));
                copy(client, onward);
                pump.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ProbeReport report = probe(port, List.of("wingate"), Duration.ofSeconds(3));
        Finding f = finding(report, "wingate");
        assertEquals(Verdict.OPEN, f.verdict(), f.detail());
        assertTrue(f.detail().startsWith("prompt \"WinGate>\", then: Connecting to host 127.0.0.1:"), f.detail());
        assertEquals("open-proxy", report.verdict());
    }

    @Test
    void aWinGateThatRefusesIsDenied() throws Exception {
        int port = serve(client -> {
            client.getOutputStream().write("WinGate>".getBytes(StandardCharsets.US_ASCII));
            readLine(client.getInputStream());
            client.getOutputStream().write("Connection refused by policy\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertVerdict(Verdict.DENIED, probe(port, List.of("wingate"), Duration.ofSeconds(3)), "wingate");
    }

    /** An SMTP greeting is a whole line and no prompt: the WinGate probe says so at once, not at the deadline. */
    @Test
    void anSmtpBannerIsNotAWinGate() throws Exception {
        int port = serve(client -> {
            client.getOutputStream().write("220 mail.example.net ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            pause(client, 3000);
        });
        ProbeReport report = probe(port, List.of("wingate"), Duration.ofSeconds(3));
        assertVerdict(Verdict.NOT_A_PROXY, report, "wingate");
        Finding f = finding(report, "wingate");
        assertEquals("an SMTP server answered: no WinGate-style prompt", f.detail());
        assertFalse(f.transcript().text().contains("no more bytes before the deadline"), f.transcript().text());
        assertEquals("SMTP server", f.service());
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 300) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed: the relay ends
        }
    }

    /**
     * A server of our own that answers 200 to anything and closes: a tunnel through which nothing came
     * proves nothing either way (unverified), while that 200 as the whole answer to a GET is its own.
     */
    @Test
    void aServerThatSaysYesAndThenNothingLeavesDoubt() throws Exception {
        int port = serve(client -> reply(client, "HTTP/1.1 200 Connection established\r\n\r\n"));
        ProbeReport report = probe(port, List.of("http-connect", "http-get"), Duration.ofSeconds(3));
        assertVerdict(Verdict.UNVERIFIED, report, "http-connect");
        assertVerdict(Verdict.NOT_A_PROXY, report, "http-get");
        assertFalse(finding(report, "http-connect").canaryVerified());
        assertEquals("inconclusive", report.verdict());
    }

    /**
     * lighttpd, a web server and no proxy: its 405 to CONNECT and its own 404 to the canary's path are a web
     * server answering for itself, not a proxy that denied; every protocol says so, and the port is named.
     */
    @Test
    void aWebServerIsNotAProxyThatDenies() throws Exception {
        int port = proxyPort("PROXYSCOPE_TEST_WEB");
        ProbeReport report = probe(port, List.of("http-connect", "http-get", "http-post", "socks4", "socks5", "wingate"),
                Duration.ofSeconds(3));
        for (Finding f : report.findings()) {
            assertEquals(Verdict.NOT_A_PROXY, f.verdict(), () -> f.protocol() + ": " + f.detail() + "\n" + f.transcript().text());
            assertTrue(f.service().matches("lighttpd \\d[\\d.]*"), f.service());
        }
        assertTrue(finding(report, "http-connect").detail().matches(
                "a web server \\(lighttpd [\\d.]+\\) answered CONNECT with its own 405 Method Not Allowed: nothing in the reply shows a proxy.*"),
                finding(report, "http-connect").detail());
        assertTrue(finding(report, "http-get").detail().startsWith("a web server (lighttpd "), finding(report, "http-get").detail());
        assertTrue(finding(report, "http-get").detail().contains("answered an absolute-URI GET with its own 404 Not Found"),
                finding(report, "http-get").detail());
        assertEquals("no-open-proxy", report.verdict());
        assertTrue(report.summary().matches("127\\.0\\.0\\.1: no open proxy; port " + port
                + " \\(lighttpd [\\d.]+\\) answered, but does not relay"), report.summary());
    }

    /**
     * A server that says 200 to every CONNECT and absolute URI, then answers what comes through the "tunnel"
     * with a page of its own: what came back is not the canary's, so it relays nothing. It keeps the
     * connection open, yet the probes end once that page is whole, not at the deadline.
     */
    @Test
    void aServerThatAnswersTheTunnelItselfIsNotAProxy() throws Exception {
        ProbeReport report = probe(proxyPort("PROXYSCOPE_TEST_YES"), List.of("http-connect", "http-get", "http-post"),
                Duration.ofSeconds(3));
        for (Finding f : report.findings()) {
            assertEquals(Verdict.NOT_A_PROXY, f.verdict(), () -> f.protocol() + ": " + f.detail() + "\n" + f.transcript().text());
            assertTrue(f.detail().contains("; it answered by itself: what came back is not the canary's reply (\"HTTP/1.1 200 OK\")"
                    + " and the canary never received the token"), f.detail());
            assertFalse(f.transcript().text().contains("stopped reading at the deadline"), f.transcript().text());
        }
        assertEquals("no-open-proxy", report.verdict());
    }

    /** Each port is named from its replies: the software where they name it, the kind a SOCKS grant shows otherwise. */
    @Test
    void eachPortIsNamedFromWhatItAnswered() throws Exception {
        ProbeReport squid = probe(proxyPort("PROXYSCOPE_TEST_SQUID_OPEN"), List.of("http-connect", "http-get", "socks5"),
                Duration.ofSeconds(3));
        squid.findings().forEach(f -> assertTrue(f.service().matches("Squid \\d[\\d.]*"), f.protocol() + ": " + f.service()));
        assertTrue(squid.summary().matches("127\\.0\\.0\\.1: open proxy: HTTP CONNECT and HTTP GET on \\d+ \\(Squid [\\d.]+\\),"
                + " proven by the canary"), squid.summary());
        ProbeReport tiny = probe(proxyPort("PROXYSCOPE_TEST_TINYPROXY"), List.of("http-connect", "http-get"), Duration.ofSeconds(3));
        tiny.findings().forEach(f -> assertTrue(f.service().startsWith("tinyproxy"), f.protocol() + ": " + f.service()));
        ProbeReport dante = probe(proxyPort("PROXYSCOPE_TEST_DANTE_OPEN"), List.of("socks4", "socks5"), Duration.ofSeconds(3));
        dante.findings().forEach(f -> assertEquals("SOCKS proxy", f.service(), f.protocol()));
        assertTrue(dante.summary().matches("127\\.0\\.0\\.1: open proxy: SOCKS4 and SOCKS5 on \\d+ \\(SOCKS proxy\\), proven by the canary"),
                dante.summary());
        ProbeReport closed = probe(proxyPort("PROXYSCOPE_TEST_SQUID_CLOSED"), List.of("http-connect"), Duration.ofSeconds(3));
        assertEquals(Verdict.DENIED, closed.findings().get(0).verdict());
        assertTrue(closed.findings().get(0).service().startsWith("Squid"), closed.findings().get(0).service());
    }

    /**
     * The external mode, for when the target cannot reach this machine: a web server the analyst controls
     * (here one on loopback) returns a known text, and only that text coming back makes a verdict open.
     */
    @Test
    void anExternalCanaryProvesARelayByItsTextComingBack() throws Exception {
        String text = "abuse-desk canary 7f3a91";
        int web = serve(client -> {
            readLine(client.getInputStream());
            reply(client, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + text + "\n");
        });
        canary.close();
        canary = Canary.external(java.net.URI.create("http://127.0.0.1:" + web + "/canary.txt"), text);
        ProbeReport squid = probe(proxyPort("PROXYSCOPE_TEST_SQUID_OPEN"), List.of("http-connect", "http-get"), Duration.ofSeconds(3));
        assertVerdict(Verdict.OPEN, squid, "http-connect");
        assertVerdict(Verdict.OPEN, squid, "http-get");
        assertTrue(finding(squid, "http-get").detail().endsWith("the text of http://127.0.0.1:" + web + "/canary.txt came back through it"),
                finding(squid, "http-get").detail());
        assertTrue(finding(squid, "http-get").transcript().text().contains("> GET http://127.0.0.1:" + web + "/canary.txt HTTP/1.1"));
        assertVerdict(Verdict.OPEN, probe(proxyPort("PROXYSCOPE_TEST_SOCKS_OPEN"), List.of("socks5"), Duration.ofSeconds(3)), "socks5");

        int liar = serve(client -> reply(client, "HTTP/1.1 200 Connection established\r\n\r\n"));
        Finding lie = finding(probe(liar, List.of("http-connect"), Duration.ofSeconds(2)), "http-connect");
        assertEquals(Verdict.UNVERIFIED, lie.verdict(), lie.detail());
        assertTrue(lie.detail().endsWith("but the external canary's text never came back"), lie.detail());
        Finding bounce = finding(probe(liar, List.of("ftp-bounce"), Duration.ofSeconds(2)), "ftp-bounce");
        assertEquals(Verdict.ERROR, bounce.verdict(), "FTP bounce needs the own canary: " + bounce.detail());
    }

    /** A probe that breaks (here a plug-in's, missing a class) costs its own finding, not the whole run. */
    @Test
    void aBrokenProbeIsAnErrorFindingAndTheOthersGoOn() throws Exception {
        org.proxyscope.probe.ProxyProbe broken = new org.proxyscope.probe.ProxyProbe() {
            @Override
            public String protocol() {
                return "broken";
            }

            @Override
            public Finding probe(org.proxyscope.probe.ProbeContext context) {
                throw new NoClassDefFoundError("org/apache/commons/io/IOUtils");
            }
        };
        java.util.List<org.proxyscope.probe.ProxyProbe> probes = new ArrayList<>(Prober.builtIn());
        probes.add(broken);
        Host host = Host.parse("127.0.0.1");
        int port = proxyPort("PROXYSCOPE_TEST_SOCKS_OPEN");
        ProbeReport report = new Prober(probes).run(new ProbeRequest(host, List.of(port), List.of("broken", "socks5"),
                Duration.ofSeconds(3), Duration.ofSeconds(20), Scope.targetOnly(host)), canary, f -> { });
        Finding f = finding(report, "broken");
        assertEquals(Verdict.ERROR, f.verdict());
        assertEquals("the broken probe failed: java.lang.NoClassDefFoundError: org/apache/commons/io/IOUtils", f.detail());
        assertVerdict(Verdict.OPEN, report, "socks5");
    }

    /**
     * One port that answers HTTP at once and SOCKS5 only after 150 ms (a mixed-port proxy with a slow SOCKS
     * side): the SOCKS probe must wait for its answer, not take the port's quick HTTP reply for proof of silence.
     */
    @Test
    void aSlowAnswerOnAPortThatAnsweredAnotherProtocolFastIsStillHeard() throws Exception {
        int port = serve(client -> {
            InputStream in = client.getInputStream();
            int first = in.read();
            if (first == 0x05) {
                pause(client, 150);
                client.getOutputStream().write(new byte[] {0x05, (byte) 0xff}); // no acceptable method
            } else {
                reply(client, "HTTP/1.1 403 Forbidden\r\nServer: mixed\r\n\r\n");
            }
        });
        ProbeReport report = probe(port, List.of("http-connect", "socks5"), Duration.ofSeconds(3));
        assertVerdict(Verdict.DENIED, report, "http-connect");
        assertVerdict(Verdict.DENIED, report, "socks5");
    }

    @Test
    void aTarpitEndsAtTheDeadline() throws Exception {
        int port = serve(client -> pause(client, 30_000));
        long start = System.nanoTime();
        ProbeReport report = probe(port, List.of("http-connect", "socks5"), Duration.ofMillis(800));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertVerdict(Verdict.TIMEOUT, report, "http-connect");
        assertVerdict(Verdict.TIMEOUT, report, "socks5");
        assertTrue(elapsedMs < 10_000, "the run ends near its deadline, not the tarpit's: " + elapsedMs + " ms");
    }

    /** An HTTP head whose header lines never end; an endless banner of another protocol ends at its first bytes. */
    @Test
    void anEndlessHeadIsCutAtTheReplyCap() throws Exception {
        int port = serve(client -> {
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 Connection established\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = "X-Welcome: to the endless head\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 1_000_000; i++) {
                out.write(line);
            }
        });
        ProbeReport report = probe(port, List.of("http-connect"), Duration.ofSeconds(3));
        Finding f = finding(report, "http-connect");
        assertEquals(Verdict.UNVERIFIED, f.verdict(), f.detail());
        assertTrue(f.transcript().text().contains("reply cap of " + ProbeConnection.MAX_REPLY + " bytes reached"), f.transcript().text());
        long received = f.transcript().segments().stream().filter(s -> s.direction() == org.proxyscope.probe.Transcript.Direction.RECEIVED)
                .mapToLong(s -> s.bytes().length).sum();
        assertTrue(received <= ProbeConnection.MAX_REPLY, "read " + received + " bytes");
    }

    @Test
    void binaryJunkIsNotAProxy() throws Exception {
        int port = serve(client -> reply(client, "\u0000\u00ff\u0013\u0037junk\u0001\u0002"));
        ProbeReport report = probe(port, ALL, Duration.ofSeconds(3));
        for (Finding f : report.findings()) {
            assertEquals(Verdict.NOT_A_PROXY, f.verdict(), f.protocol() + ": " + f.detail());
        }
        assertEquals("the reply to CONNECT is not HTTP: bytes 00 ff 13 37 6a 75 6e 6b 01 02", finding(report, "http-connect").detail());
        assertEquals("no-open-proxy", report.verdict());
    }

    @Test
    void aClosedPortHasNoService() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeReport report = probe(port, List.of("socks5"), Duration.ofSeconds(2));
        assertVerdict(Verdict.NO_SERVICE, report, "socks5");
    }

    @Test
    void portsOutsideTheScopeAreRefusedBeforeAnythingIsSent() throws Exception {
        Host host = Host.parse("127.0.0.1");
        ProbeRefusedException refused = assertThrows(ProbeRefusedException.class, () -> prober.run(
                new ProbeRequest(host, List.of(1080, 3128, 8080), ALL, Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Scope.parse("127.0.0.1:1080")), canary, f -> { }));
        assertEquals("Not probing 127.0.0.1: ports 3128,8080 lie outside the authorised scope (127.0.0.1:1080)",
                refused.getMessage());
        assertThrows(ProbeRefusedException.class, () -> prober.run(new ProbeRequest(Host.parse("127.0.0.2"), List.of(1080), ALL,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Scope.parse("127.0.0.1:1080")), canary, f -> { }));
    }

    private interface Handler {
        void handle(Socket client) throws IOException;
    }

    private int serve(Handler handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (client) {
                            handler.handle(client);
                        } catch (IOException e) {
                            // the probe hung up: expected for hostile servers
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    private static void reply(Socket client, String text) throws IOException {
        InputStream in = client.getInputStream();
        in.read(new byte[4096]);
        client.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
        pause(client, 300);
    }

    private static void pause(Socket client, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
