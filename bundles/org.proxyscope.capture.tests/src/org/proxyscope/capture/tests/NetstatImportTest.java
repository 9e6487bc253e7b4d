package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureFormat;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureJson;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.ListeningSocket;
import org.proxyscope.core.Progress;

/** netstat and ss listings: the real ss and netstat of this machine, and listings as Windows and Linux print them. */
class NetstatImportTest {

    @TempDir
    Path tmp;

    private CaptureReport read(String name, String content) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        CaptureReport report = new CaptureImporter().read(file, Progress.NONE);
        assertEquals(CaptureFormat.NETSTAT, report.format());
        assertFalse(report.partial(), () -> report.problem().get());
        return report;
    }

    @Test
    void theRealSsOfThisMachineShowsTheTestProxiesListeningWithTheirProcesses() throws Exception {
        int squid = Recorded.envPort("PROXYSCOPE_TEST_SQUID_OPEN");
        int socks = Recorded.envPort("PROXYSCOPE_TEST_SOCKS_OPEN");
        String ss = String.join("\n", Recorded.run("ss", "-tanp")) + "\n";
        CaptureReport report = read("ss.txt", ss);
        ListeningSocket squidSocket = report.listening().stream().filter(l -> l.port() == squid).findFirst().orElseThrow();
        assertEquals("127.0.0.1:" + squid, squidSocket.address());
        assertTrue(squidSocket.process().contains("squid"), squidSocket.process());
        assertTrue(report.listening().stream().anyMatch(l -> l.port() == socks && l.process().contains("microsocks")));
    }

    @Test
    void linuxNetstatWithProcessesAndAnOutboundMailStorm() throws Exception {
        CaptureReport report = read("netstat-linux.txt", """
                Active Internet connections (servers and established)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
                tcp        0      0 0.0.0.0:1080            0.0.0.0:*               LISTEN      812/svchost32
                tcp        0      0 127.0.0.1:631           0.0.0.0:*               LISTEN      455/cupsd
                tcp        0      0 192.0.2.10:1080         198.51.100.7:50123      ESTABLISHED 812/svchost32
                tcp        0      0 192.0.2.10:41234        203.0.113.25:25         ESTABLISHED 812/svchost32
                tcp        0      0 192.0.2.10:41236        203.0.113.26:25         SYN_SENT    812/svchost32
                tcp6       0      0 :::3128                 :::*                    LISTEN      901/squid
                udp        0      0 0.0.0.0:68              0.0.0.0:*                           377/dhclient
                Active UNIX domain sockets (servers and established)
                unix  2      [ ACC ]     STREAM     LISTENING     20345    1/init               /run/systemd/private
                """);
        assertEquals(List.of("0.0.0.0:1080", "127.0.0.1:631", ":::3128", "0.0.0.0:68"),
                report.listening().stream().map(ListeningSocket::address).toList());
        assertTrue(report.listening().get(0).proxyPort());
        assertEquals("812/svchost32", report.listening().get(0).process());
        assertFalse(report.listening().get(1).proxyPort());
        assertEquals(3, report.flowCount());
        // the connection to the listening SOCKS port is inbound; the two to port 25 are the PC's own
        assertEquals("198.51.100.7:50123", report.flows().get(0).client().toString());
        assertEquals(25, report.flows().get(1).server().port());
        assertEquals(25, report.flows().get(2).server().port());
        assertEquals(java.util.Optional.empty(), report.leftOut(), "headings and unix sockets are no socket lines left out");
        // the SOCKS port's process holds a client from outside and connects to port 25 of two others: the proxy's mail
        assertEquals(List.of("198.51.100.7"), report.listening().get(0).clients());
        assertEquals(List.of("203.0.113.25", "203.0.113.26"), report.listening().get(0).mailServers());
        assertEquals(List.of(), report.listening().get(2).mailServers(), "squid made none of that mail");
        // the Host Inventory's "Listening on": what accepted a listed connection; a SYN still unanswered is not that
        java.util.Map<String, List<Integer>> listeningOn = new java.util.LinkedHashMap<>();
        report.hosts().forEach(h -> listeningOn.put(h.address(), h.listening()));
        assertEquals(java.util.Map.of("192.0.2.10", List.of(1080), "198.51.100.7", List.of(), "203.0.113.25", List.of(25),
                "203.0.113.26", List.of()), listeningOn);
        assertTrue(CaptureJson.summary(report, "netstat-linux.txt").startsWith("netstat-linux.txt: netstat listing, 3 connections"
                + " (3 TCP, 0 UDP), 4 listening sockets, "), "a listing has no packets or bytes to count");
        assertTrue(CaptureJson.summary(report, "netstat-linux.txt").contains("listening on a proxy port: 0.0.0.0:1080, 812/svchost32;"
                + " connected from 198.51.100.7; its process connects to port 25 of 203.0.113.25 and 203.0.113.26\n"),
                CaptureJson.summary(report, "netstat-linux.txt"));
    }

    /**
     * Which connections are a proxy's use and its mail: only other hosts (the PC's own browser through a local proxy
     * is not), on the socket's port and address, and by the same process. ss names a socket's descriptor beside its
     * process, so the process is matched by its number.
     */
    @Test
    void aSocketsClientsAndMailAreTheOtherHostsOfItsOwnProcess() throws Exception {
        CaptureReport report = read("ss-tanp.txt", """
                State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
                LISTEN 0      128          0.0.0.0:3128       0.0.0.0:*     users:(("sysproxy",pid=77,fd=3))
                LISTEN 0      128        127.0.0.1:8118       0.0.0.0:*     users:(("privoxy",pid=90,fd=4))
                LISTEN 0      100       192.0.2.10:25         0.0.0.0:*     users:(("exim4",pid=55,fd=3))
                ESTAB  0      0         192.0.2.10:3128  198.51.100.9:41000 users:(("sysproxy",pid=77,fd=9))
                ESTAB  0      0          127.0.0.1:3128     127.0.0.1:41002 users:(("sysproxy",pid=77,fd=10))
                ESTAB  0      0         192.0.2.10:3128   198.51.100.9:41004 users:(("sysproxy",pid=77,fd=11))
                ESTAB  0      0         192.0.2.10:3128   198.51.100.3:41006 users:(("sysproxy",pid=77,fd=12))
                SYN-SENT 0    1         192.0.2.10:50000  203.0.113.25:25  users:(("sysproxy",pid=77,fd=13))
                ESTAB  0      0         192.0.2.10:50002  203.0.113.26:25  users:(("exim4",pid=55,fd=7))
                ESTAB  0      0         127.0.0.1:8118     127.0.0.1:41010 users:(("privoxy",pid=90,fd=5))
                ESTAB  0      0         192.0.2.10:25     198.51.100.9:41020 users:(("exim4",pid=55,fd=8))
                """);
        ListeningSocket squidLike = report.listening().get(0);
        assertEquals(List.of("198.51.100.9", "198.51.100.3"), squidLike.clients(), "other hosts, each once, in the listing's order");
        assertEquals(List.of("203.0.113.25"), squidLike.mailServers(), "the MTA's own delivery is not the proxy's");
        ListeningSocket privoxy = report.listening().get(1);
        assertTrue(privoxy.loopbackOnly());
        assertEquals(List.of(), privoxy.clients(), "the machine's own use of a local proxy is nobody else's");
        assertFalse(squidLike.loopbackOnly());
        ListeningSocket mta = report.listening().get(2);
        assertEquals(List.of("198.51.100.9"), mta.clients());
        assertEquals(List.of("203.0.113.26"), mta.mailServers());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CaptureJson.write(report, new org.proxyscope.cli.JsonStreamWriter(out));
        String json = out.toString(java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertTrue(json.contains("\"socket\":\"0.0.0.0:3128\",\"port\":3128,\"service\":\"\",\"proxy_port\":true,\"process\":"
                + "\"users:((\\\"sysproxy\\\",pid=77,fd=3))\",\"clients\":[\"198.51.100.9\",\"198.51.100.3\"],"
                + "\"mail_servers\":[\"203.0.113.25\"]}"), json);
    }

    /** netstat -an names no processes: a socket's clients are still its own, but nothing can pair the mail with it. */
    @Test
    void withoutProcessesTheMailIsNobodysInParticular() throws Exception {
        CaptureReport report = read("netstat-an.txt", """
                  Proto  Local Address          Foreign Address        State
                  TCP    0.0.0.0:1080           0.0.0.0:0              LISTENING
                  TCP    192.168.1.5:1080       203.0.113.9:51235      ESTABLISHED
                  TCP    192.168.1.5:49712      198.51.100.25:25       ESTABLISHED
                """);
        assertEquals(List.of("203.0.113.9"), report.listening().get(0).clients());
        assertEquals(List.of(), report.listening().get(0).mailServers());
        assertEquals("connected from 203.0.113.9", report.listening().get(0).use());
    }

    @Test
    void ssOutput() throws Exception {
        CaptureReport report = read("ss.txt", """
                State    Recv-Q   Send-Q     Local Address:Port      Peer Address:Port  Process
                LISTEN   0        128              0.0.0.0:6588           0.0.0.0:*      users:(("analogx",pid=77,fd=3))
                LISTEN   0        128                 [::]:8080              [::]:*
                ESTAB    0        0           192.0.2.10:6588     198.51.100.9:41000
                """);
        assertEquals(List.of(6588, 8080), report.listening().stream().map(ListeningSocket::port).toList());
        assertTrue(report.listening().get(0).process().contains("analogx"));
        assertEquals("198.51.100.9:41000", report.flows().get(0).client().toString());
    }

    @Test
    void windowsNetstatAnoAndB() throws Exception {
        CaptureReport report = read("netstat-windows.txt", """

                Active Connections

                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       904
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                 [wupdate.exe]
                  TCP    192.168.1.5:49712      203.0.113.9:25         ESTABLISHED     3120
                  TCP    [::]:1080              [::]:0                 LISTENING       3120
                  UDP    0.0.0.0:500            *:*                                    1044
                """);
        assertEquals(List.of(135, 8080, 1080, 500), report.listening().stream().map(ListeningSocket::port).toList());
        assertEquals("wupdate.exe", report.listening().get(1).process());
        assertTrue(report.listening().get(1).proxyPort());
        assertEquals(1, report.flowCount());
        assertEquals("203.0.113.9:25", report.flows().get(0).server().toString());
        // the listing's state goes in the State column, where traffic's "no handshake seen" would mislead
        assertEquals("established", report.flows().get(0).state());
        assertEquals("3120", report.flows().get(0).detail());
    }

    /**
     * A listing made without -n names the far ends; a name is left out, never looked up, even one made of
     * hex letters that looks half like an address ("cafe", "dead.beef").
     */
    @Test
    void hostNamesAreLeftOutNotLookedUp() throws Exception {
        CaptureReport report = read("netstat-names.txt", """
                Proto Recv-Q Send-Q Local Address           Foreign Address         State
                tcp        0      0 0.0.0.0:1080            0.0.0.0:*               LISTEN
                tcp        0      0 192.0.2.10:1080         cafe:50123              ESTABLISHED
                tcp        0      0 192.0.2.10:41234        dead.beef:25            ESTABLISHED
                tcp        0      0 192.0.2.10:41236        mail.example.net:smtp   ESTABLISHED
                tcp        0      0 192.0.2.10:41238        203.0.113.26:25         ESTABLISHED
                tcp        0      0 0.0.0.0:socks           0.0.0.0:*               LISTEN
                """);
        assertEquals(List.of(1080), report.listening().stream().map(ListeningSocket::port).toList());
        assertEquals(1, report.flowCount());
        assertEquals("203.0.113.26:25", report.flows().get(0).server().toString());
        // the analyst learns that the listing lost four sockets, and what to ask the customer for
        assertEquals(4, report.malformedPackets());
        String said = "4 socket lines left out: they name hosts or services instead of addresses and ports (a listing made"
                + " without -n; ask for netstat -ano or ss -tanp), or cannot be read";
        assertEquals(said, report.leftOut().orElseThrow());
        assertTrue(CaptureJson.summary(report, "netstat-names.txt").contains("\n  LEFT OUT: " + said + "\n"),
                CaptureJson.summary(report, "netstat-names.txt"));
        assertFalse(report.partial(), "the rest of the listing is read");
    }

    @Test
    void aForeignAddressWithoutAPortIsLeftOutAndTheRestIsRead() throws Exception {
        CaptureReport report = read("netstat-cut.txt", """
                Proto Recv-Q Send-Q Local Address           Foreign Address         State
                tcp        0      0 0.0.0.0:1080            0.0.0.0:*               LISTEN
                tcp        0      0 192.0.2.10:1080         garbage                 ESTABLISHED
                tcp        0      0 192.0.2.10:1080         198.51.100.7:50123      ESTABLISHED
                tcp6       0      0 2001:db8::10:1080       2001:db8::7:50124       ESTABLISHED
                """);
        assertEquals(List.of(1080), report.listening().stream().map(ListeningSocket::port).toList());
        assertEquals(List.of("198.51.100.7:50123", "[2001:db8::7]:50124"),
                report.flows().stream().map(f -> f.client().toString()).toList());
        assertEquals(List.of("192.0.2.10:1080", "[2001:db8::10]:1080"), report.flows().stream().map(f -> f.server().toString()).toList());
        assertTrue(report.leftOut().orElseThrow().startsWith("1 socket line left out: "), report.leftOut().get());
    }
}
