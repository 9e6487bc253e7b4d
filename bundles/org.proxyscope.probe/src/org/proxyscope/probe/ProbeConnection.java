package org.proxyscope.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

import org.proxyscope.core.model.AddressText;

/**
 * One TCP connection of a probe, with every byte recorded in the transcript, one deadline for the whole
 * connection, and replies capped at {@link #MAX_REPLY} bytes: endless banners, tarpits and binary junk end
 * cleanly at the cap or the deadline.
 */
public final class ProbeConnection implements AutoCloseable {

    /** The most a probe reads from one reply. */
    public static final int MAX_REPLY = 4096;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int received;

    private final ReplyWait wait;

    private ProbeConnection(Socket socket, Transcript transcript, ReplyWait wait) throws IOException {
        this.wait = wait;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.transcript = transcript;
    }

    /**
     * Connects within the deadline.
     *
     * @throws java.net.ConnectException when nothing listens; SocketTimeoutException when the deadline passed
     */
    public static ProbeConnection open(InetSocketAddress target, long deadlineNanos, Transcript transcript, ReplyWait wait)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            int timeout = remainingMillis(deadlineNanos);
            transcribedConnect(socket, target, transcript, () -> socket.connect(target, timeout));
            wait.asked(); // a server that speaks first is silent from the connect on
            return new ProbeConnection(socket, transcript, wait);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A socket's connect, for {@link #transcribedConnect}. */
    public interface Connect {
        void run() throws IOException;
    }

    /**
     * Runs {@code connect} with the attempt and its outcome in the transcript: the probes' own connections
     * and the sockets commons-net's SMTP and FTP clients use write the same lines.
     */
    public static void transcribedConnect(Socket socket, InetSocketAddress target, Transcript transcript, Connect connect)
            throws IOException {
        transcript.note("connect " + AddressText.of(target.getAddress()) + " port " + target.getPort());
        try {
            connect.run();
        } catch (IOException e) {
            transcript.note("connect failed: " + e.getMessage());
            throw e;
        }
        transcript.note("connected from " + socket.getLocalSocketAddress());
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** Where this connection's bytes are recorded. */
    public Transcript transcript() {
        return transcript;
    }

    public void send(byte[] bytes) throws IOException {
        wait.asked();
        transcript.sent(bytes, 0, bytes.length);
        out.write(bytes);
        out.flush();
    }

    public void send(String ascii) throws IOException {
        send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads exactly {@code n} bytes, or fewer when the peer closes; never more than the reply cap. */
    public byte[] read(int n) throws IOException {
        while (pending.size() < n && fill()) {
            // keep reading
        }
        return take(Math.min(n, pending.size()));
    }

    /**
     * Reads an HTTP response head (through the blank line), or what came before the peer closed, the cap was
     * reached or the bytes showed they are no HTTP response. A server of another protocol (an FTP or SMTP
     * greeting, a SOCKS reply) often keeps the connection open waiting for a command of its own: its first
     * bytes are the answer, and waiting for a blank line would wait out the deadline. Bytes after the head
     * stay for the next read.
     */
    public String readHead() throws IOException {
        int end;
        while ((end = headEnd()) < 0 && mayBeHttp() && fill()) {
            // keep reading
        }
        byte[] head = take(end < 0 ? pending.size() : end);
        return new String(head, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HTTP_RESPONSE = "HTTP/".getBytes(StandardCharsets.ISO_8859_1);

    /** Whether what came so far can still begin an HTTP response. */
    private boolean mayBeHttp() {
        byte[] b = pending.toByteArray();
        int n = Math.min(b.length, HTTP_RESPONSE.length);
        return Arrays.equals(b, 0, n, HTTP_RESPONSE, 0, n);
    }

    /**
     * Reads until what came so far ends with one of {@code endings} (ignoring trailing blanks), the peer
     * closes, the cap is reached or the deadline passes; a silent peer yields what it sent before.
     */
    public String readUntil(String... endings) throws IOException {
        return readUntil(seen -> {
            String stripped = seen.stripTrailing();
            for (String ending : endings) {
                if (!stripped.isEmpty() && stripped.endsWith(ending)) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Reads until {@code enough} says what came so far is conclusive, the peer closes, the cap is reached or
     * the deadline passes: a probe that knows its answer stops waiting at once.
     *
     * @throws SocketTimeoutException when nothing at all came before the deadline (or the port's silence said enough)
     */
    public String readUntil(Predicate<String> enough) throws IOException {
        try {
            while (!enough.test(new String(pending.toByteArray(), StandardCharsets.ISO_8859_1)) && fill()) {
                // keep reading
            }
        } catch (SocketTimeoutException e) {
            if (pending.size() == 0) {
                throw e;
            }
            transcript.note("no more bytes before the deadline");
        }
        return new String(take(pending.size()), StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads until {@code enough} says what came is conclusive, the peer closes, the cap or the deadline; a
     * peer that sent nothing yields nothing (through a tunnel, silence is an answer too).
     */
    public String readRest(Predicate<String> enough) throws IOException {
        try {
            return readUntil(enough);
        } catch (SocketTimeoutException e) {
            transcript.note("stopped reading at the deadline");
            return "";
        }
    }

    private int headEnd() {
        byte[] b = pending.toByteArray();
        for (int i = 3; i < b.length; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private byte[] take(int n) {
        byte[] all = pending.toByteArray();
        pending.reset();
        pending.write(all, n, all.length - n);
        return Arrays.copyOf(all, n);
    }

    /** Reads what the peer has sent so far into the pending bytes; false at its end or at the reply cap. */
    private boolean fill() throws IOException {
        if (received >= MAX_REPLY) {
            transcript.note("reply cap of " + MAX_REPLY + " bytes reached");
            return false;
        }
        byte[] buffer = new byte[MAX_REPLY - received];
        int got;
        while (true) {
            socket.setSoTimeout(wait.nextReadMillis()); // throws at the deadline, or when the silence says enough
            try {
                got = in.read(buffer);
                break;
            } catch (SocketTimeoutException e) {
                // one slice of waiting is over: check the deadline and the port's signals again
            }
        }
        wait.heard();
        if (got < 0) {
            transcript.note("peer closed the connection");
            return false;
        }
        received += got;
        transcript.received(buffer, 0, got);
        pending.write(buffer, 0, got);
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
