package org.proxyscope.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A made-up pcap for {@link ArchiveTraining}, shaped like the captures analysts import (and like the
 * capture benchmark's): customers' PCs relay mail through an infected PC's SOCKS5 proxy, tunnel through its
 * HTTP CONNECT proxy, and fetch web pages directly. Importing it during training records how the importer
 * runs, so that later imports compile their hot code sooner: 1 GiB took 2.63 s instead of 2.92 s (five runs
 * each, alternating), 64 MiB 0.60 s instead of 0.72 s.
 * Documentation addresses only (RFC 5737, private 10/8); the file is only ever read.
 */
final class TrainingCapture {

    private static final int MSS = 1448;
    private static final byte[] ETHERNET = { 2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 8, 0 };
    private static final byte[] PROXY = { (byte) 192, 0, 2, 7 };
    private static final byte[] MAIL_SERVER = { (byte) 198, 51, 100, 25 };
    private static final byte[] WEB_SERVER = { (byte) 203, 0, 113, 80 };

    private final OutputStream out;
    private final ByteBuffer header = ByteBuffer.allocate(16 + 14 + 20 + 20).order(ByteOrder.LITTLE_ENDIAN);
    private long micros = 1_700_000_000_000_000L;

    private TrainingCapture(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code connections} client connections (and the proxy's relayed ones) to {@code file}. */
    static void write(Path file, int connections) throws IOException {
        byte[] smtpClient = ascii("EHLO spam.test\r\nMAIL FROM:<a@spam.test>\r\n" + "RCPT TO:<victim@example.test>\r\n".repeat(5)
                + "DATA\r\nSubject: offer\r\n\r\n" + "cheap watches ".repeat(100) + "\r\n.\r\nQUIT\r\n");
        byte[] smtpServer = ascii("220 mx.example.test ESMTP\r\n" + "250 ok\r\n".repeat(7) + "354 go ahead\r\n250 queued\r\n221 bye\r\n");
        byte[] page = ascii("HTTP/1.1 200 OK\r\nContent-Length: 12000\r\n\r\n" + "<p>a page</p>".repeat(923) + "\n");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            TrainingCapture capture = new TrainingCapture(stream);
            ByteBuffer global = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            global.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(1);
            stream.write(global.array());
            int reuseFrom = connections - connections / 10;
            for (int n = 0; n < connections; n++) {
                // the last tenth reuses earlier connections' client ports, as PCs do, with new sequence numbers: the
                // importer's branch for a 5-tuple's second connection is then in the record and not met afresh
                int id = n < reuseFrom ? n : n - reuseFrom;
                byte[] client = { 10, 0, (byte) (id / 250 % 250), (byte) (id % 250 + 1) };
                int port = 1024 + id % 60_000;
                switch (id % 10) {
                    case 0 -> {
                        byte[] request = concat(new byte[] { 5, 1, 0, 5, 1, 0, 1 }, MAIL_SERVER, new byte[] { 0, 25 }, smtpClient);
                        byte[] reply = concat(new byte[] { 5, 0, 5, 0, 0, 1 }, PROXY, new byte[] { 0x30, 0x39 }, smtpServer);
                        capture.connection(n, client, port, PROXY, 1080, request, reply);
                        capture.connection(n, PROXY, 40_000 + id % 20_000, MAIL_SERVER, 25, smtpClient, smtpServer);
                    }
                    case 1 -> capture.connection(n, client, port, PROXY, 8080,
                            ascii("CONNECT 203.0.113.80:443 HTTP/1.1\r\nHost: 203.0.113.80:443\r\n\r\n\u0016\u0003\u0001"),
                            ascii("HTTP/1.1 200 Connection established\r\n\r\n\u0016\u0003\u0003" + "\0".repeat(2000)));
                    default -> capture.connection(n, client, port, WEB_SERVER, 80,
                            ascii("GET /index.html HTTP/1.1\r\nHost: www.example.test\r\n\r\n"), page);
                }
            }
        }
    }

    /** Handshake, the request, the reply in full segments with an ACK every second one, then FIN both ways. */
    private void connection(int n, byte[] client, int clientPort, byte[] server, int serverPort, byte[] request, byte[] reply)
            throws IOException {
        long c = n * 2_654_435_761L & 0x7fffffff;
        long s = n * 40_503L + 12_345 & 0x7fffffff;
        packet(client, clientPort, server, serverPort, c, 0, 0x02, request, 0, 0);
        packet(server, serverPort, client, clientPort, s, c + 1, 0x12, reply, 0, 0);
        c++;
        s++;
        packet(client, clientPort, server, serverPort, c, s, 0x10, request, 0, 0);
        for (int i = 0; i < request.length; i += MSS) {
            int length = Math.min(MSS, request.length - i);
            packet(client, clientPort, server, serverPort, c, s, 0x18, request, i, length);
            c += length;
        }
        for (int i = 0; i < reply.length; i += MSS) {
            int length = Math.min(MSS, reply.length - i);
            packet(server, serverPort, client, clientPort, s, c, i + MSS >= reply.length ? 0x18 : 0x10, reply, i, length);
            s += length;
            if (i / MSS % 2 == 1) {
                packet(client, clientPort, server, serverPort, c, s, 0x10, reply, 0, 0);
            }
        }
        packet(client, clientPort, server, serverPort, c, s, 0x11, request, 0, 0);
        packet(server, serverPort, client, clientPort, s, c + 1, 0x11, reply, 0, 0);
        packet(client, clientPort, server, serverPort, c + 1, s + 1, 0x10, request, 0, 0);
    }

    private void packet(byte[] src, int srcPort, byte[] dst, int dstPort, long seq, long ack, int flags, byte[] payload,
            int offset, int length) throws IOException {
        micros += 37;
        int frame = ETHERNET.length + 20 + 20 + length;
        header.clear();
        header.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                .putInt(frame).putInt(frame);
        header.put(ETHERNET).order(ByteOrder.BIG_ENDIAN);
        header.put((byte) 0x45).put((byte) 0).putShort((short) (40 + length)).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0).put(src).put(dst);
        header.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack).put((byte) 0x50)
                .put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        out.write(header.array(), 0, header.position());
        out.write(payload, offset, length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
