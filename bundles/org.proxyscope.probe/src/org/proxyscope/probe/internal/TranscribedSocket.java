package org.proxyscope.probe.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import javax.net.SocketFactory;

import org.apache.commons.net.SocketClient;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.ReplyWait;
import org.proxyscope.probe.Transcript;

/**
 * The socket commons-net's SMTP and FTP clients talk through during a probe: every byte goes to the
 * transcript, a read ends after the connection deadline of silence and at the latest at the session's
 * deadline, and a reply may not grow past
 * {@link ProbeConnection#MAX_REPLY} bytes (counted from the last command sent), so an endless banner or
 * a tarpit ends as cleanly here as on the probes' own connections.
 */
final class TranscribedSocket extends Socket {

    private final Transcript transcript;
    private final int idleMillis;
    private final ReplyWait wait;
    private int sinceLastWrite;
    private InputStream in;
    private OutputStream out;

    private TranscribedSocket(Transcript transcript, int idleMillis, ReplyWait wait) {
        this.transcript = transcript;
        this.idleMillis = idleMillis;
        this.wait = wait;
    }

    /**
     * A factory for {@code SocketClient.setSocketFactory}: each socket shares the transcript, waits at most
     * {@code idleMillis} for the peer to say something, and ends at the deadline of {@code wait} (or sooner,
     * when it heard nothing and the port answered another protocol long ago) whatever the peer says.
     */
    static SocketFactory factory(Transcript transcript, int idleMillis, ReplyWait wait) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new TranscribedSocket(transcript, idleMillis, wait);
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException("probes connect through createSocket() and connect()");
            }

            @Override
            public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException("probes connect through createSocket() and connect()");
            }

            @Override
            public Socket createSocket(java.net.InetAddress host, int port) {
                throw new UnsupportedOperationException("probes connect through createSocket() and connect()");
            }

            @Override
            public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException("probes connect through createSocket() and connect()");
            }
        };
    }

    @Override
    public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
        ProbeConnection.transcribedConnect(this, (java.net.InetSocketAddress) endpoint, transcript, () -> super.connect(endpoint, timeout));
        wait.asked(); // SMTP and FTP servers speak first: silence counts from the connect
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (sinceLastWrite >= ProbeConnection.MAX_REPLY) {
                        transcript.note("reply cap of " + ProbeConnection.MAX_REPLY + " bytes reached");
                        throw new ReplyTooLongException();
                    }
                    long idleUntil = System.nanoTime() + idleMillis * 1_000_000L;
                    int n;
                    while (true) {
                        long idleLeft = (idleUntil - System.nanoTime()) / 1_000_000;
                        if (idleLeft <= 0) {
                            throw new SocketTimeoutException("silent for " + idleMillis + " ms");
                        }
                        setSoTimeout((int) Math.min(idleLeft, wait.nextReadMillis()));
                        try {
                            n = super.read(b, off, Math.min(len, ProbeConnection.MAX_REPLY - sinceLastWrite));
                            break;
                        } catch (SocketTimeoutException e) {
                            // one slice of waiting is over: check the limits again
                        }
                    }
                    wait.heard();
                    if (n > 0) {
                        sinceLastWrite += n;
                        transcript.received(b, off, n);
                    } else if (n < 0) {
                        transcript.note("peer closed the connection");
                    }
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    transcript.sent(b, off, len);
                    sinceLastWrite = 0;
                    wait.asked();
                    out.write(b, off, len);
                }
            };
        }
        return out;
    }

    /** A commons-net client's last reply on one line, for a finding's detail. */
    static String lastReply(String replyString) {
        return replyString == null ? "(no reply)" : replyString.strip().replace("\r\n", " / ");
    }

    /** Ends a commons-net session whatever state it is in; the transcript already holds what happened. */
    static void disconnect(SocketClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            // nothing to add to the transcript
        }
    }

    /** The peer sent more than a reply may hold without a pause for our next command. */
    static final class ReplyTooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        ReplyTooLongException() {
            super("the reply ran past " + ProbeConnection.MAX_REPLY + " bytes");
        }
    }
}
