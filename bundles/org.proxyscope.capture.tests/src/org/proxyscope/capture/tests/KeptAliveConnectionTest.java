package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.Flow;
import org.proxyscope.capture.HostRecord;
import org.proxyscope.capture.ListeningSocket;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.capture.ProxySession.Outcome;
import org.proxyscope.capture.tests.CaptureWriter.IpPacket;
import org.proxyscope.capture.tests.CaptureWriter.Link;
import org.proxyscope.core.Progress;

/**
 * A forwarding proxy keeps its connection to an origin open and sends later clients' requests over it. That
 * connection relayed a session only if the proxy began a request on it while the session was open: on a host
 * that also runs a server answering 200 to everything, the proxy's connection is open during that server's
 * sessions too, and relays nothing of them. The recorded loopback traffic has this by chance (one proxy's
 * connection to the web server closing as the next client comes); here it is made on purpose, to the millisecond.
 */
class KeptAliveConnectionTest {

    private static final long MS = 1_000_000L;
    /** When the made-up capture starts (a time of 0 reads as a capture without time stamps). */
    private static final long START = 1_780_000_000_000_000_000L;
    private static final String ORIGIN = "198.51.100.80";
    private static final String PROXY = "192.0.2.7";

    @TempDir
    Path tmp;

    @Test
    void aKeptAliveConnectionRelaysOnlyTheSessionsItCarriedARequestFor() throws Exception {
        List<IpPacket> packets = new ArrayList<>();
        String get = "GET http://" + ORIGIN + "/ HTTP/1.1\r\nHost: " + ORIGIN + "\r\n\r\n";
        String forwarded = "GET / HTTP/1.1\r\nHost: " + ORIGIN + "\r\nVia: 1.1 proxy\r\n\r\n";
        String page = "HTTP/1.1 200 OK\r\nServer: origin/1.0\r\nContent-Length: 2\r\n\r\nok";

        // a client through the proxy; the proxy opens its connection to the origin and keeps it open until 40 ms
        Tcp first = new Tcp(packets, "10.0.0.1", 40001, PROXY, 8080).open(0);
        Tcp onward = new Tcp(packets, PROXY, 50000, ORIGIN, 80);
        first.client(1, get);
        onward.open(2).client(3, forwarded).server(4, page);
        first.server(5, page).close(6);
        // a client of the server on the same host that says 200 to everything and makes its own page
        new Tcp(packets, "10.0.0.2", 40002, PROXY, 8081).open(10).client(11, get)
                .server(12, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes").close(13);
        // a second client through the proxy, its request sent over the kept-alive connection
        Tcp third = new Tcp(packets, "10.0.0.3", 40003, PROXY, 8080).open(20).client(21, get);
        onward.client(22, forwarded).server(23, page);
        third.server(24, page).close(25);
        onward.close(40);

        CaptureReport report = read(packets);
        Flow kept = report.flows().stream().filter(f -> f.server().port() == 80).findFirst().orElseThrow();
        ProxySession viaProxy = session(report, "10.0.0.1");
        ProxySession saidYes = session(report, "10.0.0.2");
        ProxySession reused = session(report, "10.0.0.3");

        assertEquals(Outcome.ESTABLISHED, viaProxy.outcome(), viaProxy.toString());
        assertEquals(OptionalInt.of(kept.number()), viaProxy.relayedFlow(), viaProxy + " in " + report.flows());
        assertEquals(Outcome.ESTABLISHED, reused.outcome(), reused.toString());
        assertEquals(OptionalInt.of(kept.number()), reused.relayedFlow(), "the kept-alive connection carried its request: " + reused);
        assertEquals(Outcome.UNVERIFIED, saidYes.outcome(), saidYes.toString());
        assertTrue(saidYes.relayedFlow().isEmpty(), saidYes.toString());
        assertTrue(saidYes.evidence().startsWith("the capture holds the proxy's own connections for other sessions, but none to "
                + ORIGIN + ":80 while this one was open"), saidYes.evidence());
    }

    /** As an analyst reads addresses: 10.0.0.2 before 10.0.0.10, port 81 before 8080; text order has both the other way. */
    @Test
    void hostsAndSocketsAreListedByNumberAndTheProxyRanksFirst() throws Exception {
        List<IpPacket> packets = new ArrayList<>();
        String get = "GET http://" + ORIGIN + "/ HTTP/1.1\r\nHost: " + ORIGIN + "\r\n\r\n";
        String page = "HTTP/1.1 200 OK\r\nServer: origin/1.0\r\nContent-Length: 2\r\n\r\nok";
        Tcp relayed = new Tcp(packets, "10.0.0.10", 40010, PROXY, 8080).open(0).client(1, get);
        new Tcp(packets, PROXY, 50010, ORIGIN, 80).open(2).client(3, "GET / HTTP/1.1\r\nHost: " + ORIGIN + "\r\n\r\n").server(4, page).close(5);
        relayed.server(6, page).close(7);
        new Tcp(packets, "10.0.0.2", 40002, PROXY, 81).open(10).client(11, get)
                .server(12, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes").close(13);

        CaptureReport report = read(packets);
        assertEquals(List.of("10.0.0.2", "10.0.0.10", PROXY, ORIGIN), report.hosts().stream().map(HostRecord::address).toList());
        assertEquals(List.of(PROXY + ":81", PROXY + ":8080", ORIGIN + ":80"),
                report.listening().stream().map(ListeningSocket::address).toList());
        // the proxy relayed on 8080 (and only claimed to on 81): it ranks first, its clients and the origin after it
        assertEquals(List.of(3, 3, 0, 3), report.hosts().stream().map(HostRecord::proxyRank).toList());
    }

    private CaptureReport read(List<IpPacket> packets) throws Exception {
        packets.sort(Comparator.comparingLong(IpPacket::nanos)); // stable: packets of one moment keep their order
        Path file = tmp.resolve("kept-alive.pcap");
        Files.write(file, CaptureWriter.pcap(packets, Link.RAW, ByteOrder.LITTLE_ENDIAN, true));
        return new CaptureImporter().read(file, Progress.NONE);
    }

    private static ProxySession session(CaptureReport report, String client) {
        return report.sessions().stream().filter(s -> s.client().host().equals(client)).findFirst()
                .orElseThrow(() -> new AssertionError("no session from " + client + ": " + report.sessions()));
    }

    /** One TCP connection's packets with their sequence numbers, at times in milliseconds after the capture's start. */
    private static final class Tcp {
        private static final int FIN = 0x01;
        private static final int SYN = 0x02;
        private static final int PSH = 0x08;
        private static final int ACK = 0x10;

        private final List<IpPacket> out;
        private final byte[] client;
        private final byte[] server;
        private final int clientPort;
        private final int serverPort;
        private long clientSeq = 1_000;
        private long serverSeq = 9_000;

        Tcp(List<IpPacket> out, String client, int clientPort, String server, int serverPort) throws Exception {
            this.out = out;
            this.client = java.net.InetAddress.getByName(client).getAddress();
            this.server = java.net.InetAddress.getByName(server).getAddress();
            this.clientPort = clientPort;
            this.serverPort = serverPort;
        }

        Tcp open(long ms) {
            packet(ms, true, SYN, new byte[0]);
            clientSeq++;
            packet(ms, false, SYN | ACK, new byte[0]);
            serverSeq++;
            packet(ms, true, ACK, new byte[0]);
            return this;
        }

        Tcp client(long ms, String data) {
            return data(ms, true, data);
        }

        Tcp server(long ms, String data) {
            return data(ms, false, data);
        }

        /** {@code data} from one end, and the other's acknowledgement. */
        private Tcp data(long ms, boolean fromClient, String data) {
            byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);
            packet(ms, fromClient, PSH | ACK, bytes);
            if (fromClient) {
                clientSeq += bytes.length;
            } else {
                serverSeq += bytes.length;
            }
            packet(ms, !fromClient, ACK, new byte[0]);
            return this;
        }

        Tcp close(long ms) {
            packet(ms, true, FIN | ACK, new byte[0]);
            clientSeq++;
            packet(ms, false, FIN | ACK, new byte[0]);
            serverSeq++;
            packet(ms, true, ACK, new byte[0]);
            return this;
        }

        private void packet(long ms, boolean fromClient, int flags, byte[] payload) {
            ByteBuffer b = ByteBuffer.allocate(40 + payload.length).order(ByteOrder.BIG_ENDIAN);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) out.size())
                    .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                    .put(fromClient ? client : server).put(fromClient ? server : client);
            b.putShort((short) (fromClient ? clientPort : serverPort)).putShort((short) (fromClient ? serverPort : clientPort))
                    .putInt((int) (fromClient ? clientSeq : serverSeq))
                    .putInt((flags & ACK) == 0 ? 0 : (int) (fromClient ? serverSeq : clientSeq))
                    .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
            b.put(payload);
            // a microsecond apart within one moment, so that every packet has a time of its own
            out.add(new IpPacket(START + ms * MS + out.size() * 1_000L, b.array()));
        }
    }
}
