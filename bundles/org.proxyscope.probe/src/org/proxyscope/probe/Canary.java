package org.proxyscope.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proxyscope's own listener that probes ask the target to reach. Each probe carries a fresh random token;
 * a relay is proven only when the token arrives here through the target. The canary answers with a short
 * HTTP reply naming the token, serves nothing else and never connects anywhere: it is not a proxy.
 */
public final class Canary implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("pxc-[0-9a-f]{32}");
    private static final int MAX_REQUEST = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerSocket server;
    private final Map<String, String> arrivals = new ConcurrentHashMap<>();
    private final Thread acceptor;

    private Canary(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("proxyscope-canary").start(this::accept);
    }

    /** Listens on {@code address} (port 0 picks a free one). */
    public static Canary listen(InetSocketAddress address) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(address, 64);
        return new Canary(server);
    }

    /**
     * This machine's address towards the target, with port 0 (any free one): where the target can most
     * likely reach the canary. Asking a connected UDP socket sends nothing.
     */
    public static InetSocketAddress defaultAddressTowards(String host) throws IOException {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
            socket.connect(java.net.InetAddress.getByName(host), 9);
            return new InetSocketAddress(socket.getLocalAddress(), 0);
        }
    }

    /**
     * Where the canary should listen: {@code ADDR:PORT} as the analyst wrote it (IPv6 in brackets), or,
     * when nothing was written, {@link #defaultAddressTowards} the target.
     *
     * @throws IllegalArgumentException when the text is not {@code ADDR:PORT}
     */
    public static InetSocketAddress addressFor(String typed, String targetHost) throws IOException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return defaultAddressTowards(targetHost);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0 || !text.substring(colon + 1).matches("\\d{1,5}") || Integer.parseInt(text.substring(colon + 1)) > 65535) {
            throw new IllegalArgumentException("Write the canary's address as ADDR:PORT, e.g. 192.0.2.1:8081");
        }
        return new InetSocketAddress(java.net.InetAddress.getByName(text.substring(0, colon).replaceAll("[\\[\\]]", "")),
                Integer.parseInt(text.substring(colon + 1)));
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** A fresh token for one probe. */
    public static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "pxc-" + HexFormat.of().formatHex(bytes);
    }

    /** The reply body the canary sends for a token; a probe looks for it in what the target relays back. */
    public static String replyFor(String token) {
        return "proxyscope-canary " + token;
    }

    /**
     * Waits until the token has arrived or the timeout passes.
     *
     * @return the address the token came from (the target's side of the relay), or null
     */
    public String awaitToken(String token, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String from = arrivals.get(token);
            if (from != null) {
                return from;
            }
            Thread.sleep(5);
        }
        return arrivals.get(token);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Reads the whole request head before answering: a relay that forwards the request line first and the
     * headers after (tinyproxy does) fails its own write, and reports an error instead of our reply, when
     * the canary answers and closes in between.
     */
    private void serve(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(5000);
            byte[] request = new byte[MAX_REQUEST];
            int length = 0;
            while (length < request.length) {
                int n;
                try {
                    n = in.read(request, length, request.length - length);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                length += n;
                if (endOfHead(request, length)) {
                    break;
                }
            }
            Matcher m = TOKEN.matcher(new String(request, 0, length, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                String token = m.group();
                arrivals.put(token, client.getRemoteSocketAddress().toString());
                byte[] body = replyFor(token).getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
            } else {
                out.write("HTTP/1.0 404 Not Found\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            // a client that vanished mid-request proves nothing either way
        }
    }

    /** Whether the bytes so far end an HTTP request head (a blank line, CRLF or bare LF). */
    private static boolean endOfHead(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        return text.contains("\r\n\r\n") || text.contains("\n\n");
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
