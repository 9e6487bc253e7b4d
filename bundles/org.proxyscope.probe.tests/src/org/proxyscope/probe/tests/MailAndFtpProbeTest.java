package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.ProbeRequest;
import org.proxyscope.probe.Prober;
import org.proxyscope.probe.Verdict;

/**
 * SMTP open relay and FTP bounce against real servers from Debian, started on loopback by
 * releng/services/proxies.sh: exim as an open and a closed relay (the open one routes canary.test to the
 * SMTP canary's port), vsftpd with and without PORT to third hosts. Every connection stays on 127.0.0.0/8.
 */
class MailAndFtpProbeTest {

    private final Prober prober = new Prober(Prober.builtIn());
    private Canary canary;
    private ServerSocket hostile;

    @AfterEach
    void stop() throws IOException {
        if (canary != null) {
            canary.close();
        }
        if (hostile != null) {
            hostile.close();
        }
    }

    private static InetSocketAddress service(String variable) {
        String address = System.getenv(variable);
        assumeTrue(address != null, "the real servers are not running (releng/services/proxies.sh, run by releng/test.sh)");
        return new InetSocketAddress(address.substring(0, address.lastIndexOf(':')),
                Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
    }

    /** The canary with an SMTP listener where the test exim sends mail for canary.test. */
    private Canary mailCanary(String domain) throws IOException {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .listenForMail(service("PROXYSCOPE_TEST_SMTP_CANARY"), domain);
        return canary;
    }

    private Finding probe(int port, String protocol) throws Exception {
        Host host = Host.parse("127.0.0.1");
        ProbeReport report = prober.run(new ProbeRequest(host, List.of(port), List.of(protocol), Duration.ofSeconds(3),
                Duration.ofSeconds(40), Scope.targetOnly(host)), canary, f -> { });
        assertEquals(1, report.findings().size());
        return report.findings().get(0);
    }

    private static void assertVerdict(Verdict expected, Finding f) {
        assertEquals(expected, f.verdict(), () -> f.protocol() + ": " + f.detail() + "\n" + f.transcript().text());
    }

    @Test
    void anOpenEximRelayDeliversToTheCanary() throws Exception {
        mailCanary("canary.test");
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_OPEN").getPort(), "smtp-relay");
        assertVerdict(Verdict.OPEN, f);
        assertTrue(f.canaryVerified());
        assertTrue(f.detail().contains("delivered: plain (RCPT TO:<pxc-"), f.detail());
        String transcript = f.transcript().text();
        assertTrue(transcript.contains("Exim"), "the banner is recorded: " + transcript);
        assertTrue(transcript.contains("MAIL FROM:<>"), "the null sender form was tried: " + transcript);
        assertTrue(transcript.contains("canary received the message of form \"plain\""), transcript);
    }

    @Test
    void aClosedEximRelayIsDeniedWithItsOwnWords() throws Exception {
        mailCanary("canary.test");
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_CLOSED").getPort(), "smtp-relay");
        assertVerdict(Verdict.DENIED, f);
        assertTrue(f.detail().contains("relay not permitted"), f.detail());
        assertFalse(f.canaryVerified());
    }

    /**
     * The open exim accepts mail for any domain, but only canary.test leads to the canary: told that the
     * canary's domain is elsewhere.test, it takes every message and delivers none to the canary.
     */
    @Test
    void aRelayThatAcceptsButNeverDeliversIsUnverified() throws Exception {
        mailCanary("elsewhere.test");
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_OPEN").getPort(), "smtp-relay");
        assertVerdict(Verdict.UNVERIFIED, f);
        assertTrue(f.detail().startsWith("accepted mail for elsewhere.test (plain, null sender"), f.detail());
        assertTrue(f.detail().endsWith("but no message reached the canary within 5 s"), f.detail());
    }

    @Test
    void withoutACanaryDomainNoMailIsSent() throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_OPEN").getPort(), "smtp-relay");
        assertVerdict(Verdict.UNVERIFIED, f);
        assertTrue(f.detail().endsWith("no canary domain is set, so no message was sent"), f.detail());
        assertFalse(f.transcript().text().contains("DATA"), f.transcript().text());
    }

    /** Runs one after another listen on the same mail port (25 in real use): a closed canary must free it. */
    @Test
    void theSmtpCanaryPortIsFreeAgainOnceTheCanaryIsClosed() throws Exception {
        int port = freePortBelowTheEphemeralRange();
        for (int run = 0; run < 50; run++) {
            try (Canary c = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .listenForMail(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "canary.test")) {
                assertEquals("canary.test", c.mailDomain().orElseThrow());
            }
        }
    }

    /**
     * A free port below the kernel's range for outgoing connections: a port from that range, once let go, may become
     * the local end of any connection the tests open (it failed a run once), like port 25 never does.
     */
    private static int freePortBelowTheEphemeralRange() throws IOException {
        int low = Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+")[0]);
        for (int port = low - 1; port > low - 2000; port--) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // the test servers listen on ports of their own; the next one down
            }
        }
        throw new IOException("no free port below " + low);
    }

    @Test
    void anEndlessSmtpBannerEndsAtTheReplyCap() throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = serve(client -> {
            OutputStream out = client.getOutputStream();
            for (int i = 0; i < 100_000; i++) {
                out.write("220-welcome, this line never ends the banner\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
        long start = System.nanoTime();
        Finding f = probe(port, "smtp-relay");
        assertVerdict(Verdict.NOT_A_PROXY, f);
        assertTrue(f.detail().contains("4096 bytes"), f.detail());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 12, "ended by the cap, not a test timeout");
    }

    /**
     * Over IPv6 the relay's own address is written as RFC 5321 says, [IPv6:...]; the peer here is a closed
     * relay written in the test, on ::1, that refuses every recipient and notes what it was offered.
     */
    @Test
    void overIpv6TheFormsNameTheRelayAsAnIpv6Literal() throws Exception {
        try {
            canary = Canary.listen(new InetSocketAddress(InetAddress.getByName("::1"), 0));
        } catch (IOException e) {
            assumeTrue(false, "this machine's loopback has no IPv6: " + e.getMessage());
        }
        List<String> offered = new java.util.concurrent.CopyOnWriteArrayList<>();
        hostile = new ServerSocket(0, 5, InetAddress.getByName("::1"));
        ServerSocket server = hostile;
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = client.getOutputStream();
                    out.write("220 closed.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        offered.add(line);
                        String reply = line.startsWith("RCPT") ? "550 relay not permitted" : line.startsWith("QUIT") ? "221 bye" : "250 ok";
                        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    // the probe hung up
                }
            }
        });
        Host host = Host.parse("::1");
        ProbeReport report = prober.run(new ProbeRequest(host, List.of(server.getLocalPort()), List.of("smtp-relay"),
                Duration.ofSeconds(3), Duration.ofSeconds(20), Scope.targetOnly(host)), canary, f -> { });
        assertVerdict(Verdict.DENIED, report.findings().get(0));
        assertTrue(offered.contains("HELO [IPv6:0:0:0:0:0:0:0:1]"), offered.toString());
        assertTrue(offered.stream().anyMatch(l -> l.matches("RCPT TO:<pxc-[0-9a-f]{32}%canary\\.invalid@\\[IPv6:0:0:0:0:0:0:0:1\\]>")),
                offered.toString());
    }

    @Test
    void vsftpdThatAllowsPortToAnyHostBouncesToTheCanary() throws Exception {
        // The canary on another loopback address than the client's, so PORT names a third host.
        canary = Canary.listen(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        Finding f = probe(service("PROXYSCOPE_TEST_FTP_OPEN").getPort(), "ftp-bounce");
        assertVerdict(Verdict.OPEN, f);
        assertTrue(f.detail().contains("PORT 127.0.0.2:"), f.detail());
        assertTrue(f.detail().contains("bytes of data"), f.detail());
        assertTrue(f.transcript().text().contains("vsFTPd"), f.transcript().text());
    }

    @Test
    void vsftpdWithItsDefaultsRefusesTheBounce() throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        Finding f = probe(service("PROXYSCOPE_TEST_FTP_CLOSED").getPort(), "ftp-bounce");
        assertVerdict(Verdict.DENIED, f);
        assertTrue(f.detail().contains("500 Illegal PORT command"), f.detail());
    }

    /** Exim greets with 220 as FTP servers do, and answers USER with 500: an SMTP server, not an FTP server refusing anonymous login. */
    @Test
    void anSmtpServerIsNotAnFtpServer() throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_CLOSED").getPort(), "ftp-bounce");
        assertVerdict(Verdict.NOT_A_PROXY, f);
        assertTrue(f.detail().matches("an SMTP server \\(Exim \\d[\\d.]*\\) answered, not an FTP server: 220 relay\\.test ESMTP Exim .*"),
                f.detail());
        assertTrue(f.service().matches("Exim \\d[\\d.]*"), f.service());
    }

    /** vsftpd greets with 220 as SMTP servers do, and answers HELO with 530: an FTP server, not a relay that refuses. */
    @Test
    void anFtpServerIsNotAnSmtpRelay() throws Exception {
        mailCanary("canary.test");
        Finding f = probe(service("PROXYSCOPE_TEST_FTP_CLOSED").getPort(), "smtp-relay");
        assertVerdict(Verdict.NOT_A_PROXY, f);
        assertTrue(f.detail().matches("an FTP server \\(vsftpd \\d[\\d.]*\\) answered, not an SMTP server: 220 \\(vsFTPd .*"), f.detail());
        assertTrue(f.service().startsWith("vsftpd "), f.service());
    }

    /**
     * vsftpd greets, answers each line of an HTTP request with 530 and keeps the connection open; exim does the
     * same with 500. Their greeting is the answer: it is no HTTP, and the probe says who answered instead of
     * waiting for a blank line until the deadline (the verdict was a timeout).
     */
    @ParameterizedTest
    @CsvSource({
            "PROXYSCOPE_TEST_FTP_CLOSED, http-connect, an FTP server \\(vsftpd \\d[\\d.]*\\) answered CONNECT, \"220 \\(vsFTPd .*",
            "PROXYSCOPE_TEST_FTP_CLOSED, http-get, an FTP server \\(vsftpd \\d[\\d.]*\\) answered an absolute-URI GET, \"220 \\(vsFTPd .*",
            "PROXYSCOPE_TEST_FTP_OPEN, http-post, an FTP server \\(vsftpd \\d[\\d.]*\\) answered an absolute-URI POST, \"220 \\(vsFTPd .*",
            "PROXYSCOPE_TEST_RELAY_CLOSED, http-connect, an SMTP server \\(Exim \\d[\\d.]*\\) answered CONNECT, \"220 relay\\.test ESMTP Exim .*" })
    void aServerOfAnotherProtocolIsNotAnHttpProxy(String server, String protocol, String answered, String reply) throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Finding f = probe(service(server).getPort(), protocol);
        assertVerdict(Verdict.NOT_A_PROXY, f);
        assertTrue(f.detail().matches(answered + ", not an HTTP proxy: " + reply), f.detail());
        assertFalse(f.transcript().text().contains("deadline"), f.transcript().text());
    }

    /**
     * An open relay that waits a second before answering each MAIL FROM: after the first form, the others go
     * to three more sessions at once, each with its part of the transcript, and what they got counts.
     */
    @Test
    void aRelayThatDelaysEachCommandIsTriedInParallelSessions() throws Exception {
        mailCanary("canary.test");
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_SLOW").getPort(), "smtp-relay");
        assertVerdict(Verdict.OPEN, f);
        String transcript = f.transcript().text();
        assertTrue(f.detail().matches("relays mail for anyone: the canary received \\d+ of \\d+ accepted messages; delivered: plain .*"
                + ", null sender .*"), f.detail() + "\n" + transcript);
        for (String session : List.of("session 2 of 4, forms null sender, quoted recipient, bang path:",
                "session 3 of 4, forms sender at the relay's own address, quoted recipient at the relay, bang path at the relay:",
                "session 4 of 4, forms percent hack, source route, double at:")) {
            assertTrue(transcript.contains(session), session + " in\n" + transcript);
        }
        assertEquals(4, transcript.lines().filter(l -> l.contains("# connected from")).count(), transcript);
    }

    /** A mail server that accepts every message for the canary's domain and delivers none: no proof, so unverified. */
    @Test
    void aBlackHoleMailServerIsUnverified() throws Exception {
        mailCanary("canary.test");
        Finding f = probe(service("PROXYSCOPE_TEST_RELAY_BLACKHOLE").getPort(), "smtp-relay");
        assertVerdict(Verdict.UNVERIFIED, f);
        assertTrue(f.detail().startsWith("accepted mail for canary.test (plain, null sender"), f.detail());
        assertTrue(f.service().startsWith("Exim "), f.service());
    }

    /**
     * A port that accepts and then says nothing is a timeout for SMTP and FTP, whose servers speak first;
     * the transcript, kept as evidence, still shows the connection. (FTPClient hides the timeout of its
     * greeting inside a plain IOException.)
     */
    @Test
    void aSilentPortIsATimeoutForSmtpAndFtp() throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = serve(client -> client.getInputStream().readAllBytes());
        Host host = Host.parse("127.0.0.1");
        ProbeReport report = prober.run(new ProbeRequest(host, List.of(port), List.of("smtp-relay", "ftp-bounce"),
                Duration.ofMillis(1500), Duration.ofSeconds(20), Scope.targetOnly(host)), canary, f -> { });
        for (Finding f : report.findings()) {
            assertVerdict(Verdict.TIMEOUT, f);
            assertTrue(f.transcript().text().contains("# connect 127.0.0.1 port " + port), f.transcript().text());
            assertTrue(f.transcript().text().contains("# connected from /127.0.0.1:"), f.transcript().text());
        }
    }

    /** On a port that answered another protocol at once, the silence of the FTP greeting says: no FTP here. */
    @Test
    void aSocksProxyIsNoFtpServer() throws Exception {
        canary = Canary.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Host host = Host.parse("127.0.0.1");
        ProbeReport report = prober.run(new ProbeRequest(host, List.of(service("PROXYSCOPE_TEST_SOCKS_OPEN").getPort()),
                List.of("socks5", "ftp-bounce", "smtp-relay"), Duration.ofSeconds(3), Duration.ofSeconds(40), Scope.targetOnly(host)),
                canary, f -> { });
        Finding ftp = report.findings().get(1);
        assertVerdict(Verdict.NOT_A_PROXY, ftp);
        assertTrue(ftp.detail().startsWith("no FTP greeting: silent for "), ftp.detail());
        Finding smtp = report.findings().get(2);
        assertTrue(smtp.detail().startsWith("no SMTP greeting: silent for "), smtp.detail());
        assertTrue(smtp.transcript().text().contains("while the port answered socks5"), smtp.transcript().text());
    }

    private interface Handler {
        void handle(Socket client) throws IOException;
    }

    private int serve(Handler handler) throws IOException {
        hostile = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket server = hostile;
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    handler.handle(client);
                } catch (IOException e) {
                    // the probe hung up
                }
            }
        });
        return server.getLocalPort();
    }
}
