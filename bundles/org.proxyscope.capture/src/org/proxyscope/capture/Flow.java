package org.proxyscope.capture;

import java.net.InetAddress;

import org.proxyscope.capture.internal.Packet;

/**
 * One bidirectional conversation: a TCP connection (a new one starts when the 5-tuple is reused after it
 * closed, as tshark counts) or a UDP exchange. The client is the side that opened it.
 */
public final class Flow {

    public enum Transport {
        TCP, UDP
    }

    static final int SYN = 1;
    static final int SYN_ACK = 2;
    static final int CLIENT_FIN = 4;
    static final int SERVER_FIN = 8;
    static final int RESET = 16;

    private final int number;
    private final Transport transport;
    // the ends' addresses and ports, not two Endpoints: a large capture keeps a flow for each of hundreds of
    // thousands of connections, and every object kept per flow is copied by the collector
    private final InetAddress clientAddress;
    private final int clientPort;
    private final InetAddress serverAddress;
    private final int serverPort;
    private final long firstNanos;
    long lastNanos;
    // When each request began: the client's first data, and its data after the server's (a kept-alive connection
    // carries several). The first in a field, later ones in an array: most flows carry one.
    private long firstRequestNanos;
    private long[] laterRequests;
    private int requests;
    private boolean replied;
    long clientPackets;
    long serverPackets;
    long clientBytes;
    long serverBytes;
    long clientPayload;
    long serverPayload;
    int tcpState;
    long clientIsn = -1;
    /** Both ends' addresses as the decoder gives them, to find the flow of a packet without allocating. */
    long clientHigh;
    long clientLow;
    long serverHigh;
    long serverLow;
    /** The flow table's hash of the 5-tuple. */
    int hash;
    Service service = Service.UNKNOWN;
    String detail = "";
    /** The state a netstat listing gave the connection ("established", "time_wait"); empty for traffic. */
    String listedState = "";
    /** Reassembled beginnings of each direction, until the flow is analysed. */
    StreamBuffer clientStream;
    StreamBuffer serverStream;
    boolean analysed;
    /** Where the flow table lists it among the flows whose beginnings it buffers, or -1. */
    int bufferingAt = -1;

    Flow(int number, Transport transport, Endpoint client, Endpoint server, long firstNanos) {
        this(number, transport, client.address(), client.port(), server.address(), server.port(), firstNanos);
    }

    Flow(int number, Transport transport, InetAddress clientAddress, int clientPort, InetAddress serverAddress, int serverPort,
            long firstNanos) {
        this.number = number;
        this.transport = transport;
        this.clientAddress = clientAddress;
        this.clientPort = clientPort;
        this.serverAddress = serverAddress;
        this.serverPort = serverPort;
        this.firstNanos = firstNanos;
        this.lastNanos = firstNanos;
    }

    /** 1 for the first flow of the capture, in the order their first packets appear. */
    public int number() {
        return number;
    }

    public Transport transport() {
        return transport;
    }

    public Endpoint client() {
        return new Endpoint(clientAddress, clientPort);
    }

    public Endpoint server() {
        return new Endpoint(serverAddress, serverPort);
    }

    InetAddress clientAddress() {
        return clientAddress;
    }

    int clientPort() {
        return clientPort;
    }

    InetAddress serverAddress() {
        return serverAddress;
    }

    int serverPort() {
        return serverPort;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    public long packets() {
        return clientPackets + serverPackets;
    }

    public long clientPackets() {
        return clientPackets;
    }

    public long serverPackets() {
        return serverPackets;
    }

    /** Frame bytes, as tshark's conversation table counts them. */
    public long bytes() {
        return clientBytes + serverBytes;
    }

    public long clientBytes() {
        return clientBytes;
    }

    public long serverBytes() {
        return serverBytes;
    }

    /** Notes data from the client at {@code nanos}: a request begins when it is the first or follows the server's data. */
    void clientData(long nanos) {
        if (requests == 0) {
            firstRequestNanos = nanos;
        } else if (replied) {
            if (laterRequests == null) {
                laterRequests = new long[2];
            } else if (requests - 1 == laterRequests.length) {
                laterRequests = java.util.Arrays.copyOf(laterRequests, laterRequests.length * 2);
            }
            laterRequests[requests - 1] = nanos;
        } else {
            return; // more of the same request
        }
        requests++;
        replied = false;
    }

    void serverData() {
        replied = requests > 0;
    }

    /** Whether a request began on this flow between {@code from} and {@code to} (nanoseconds, both included). */
    boolean requestedBetween(long from, long to) {
        if (requests > 0 && firstRequestNanos >= from && firstRequestNanos <= to) {
            return true;
        }
        for (int i = 0; i < requests - 1; i++) {
            if (laterRequests[i] >= from && laterRequests[i] <= to) {
                return true;
            }
        }
        return false;
    }

    /** Transport payload each way. */
    public long clientPayload() {
        return clientPayload;
    }

    public long serverPayload() {
        return serverPayload;
    }

    public Service service() {
        return service;
    }

    /** What the content said: SNI, Host, the proxy's destination, an SMTP banner, or "". */
    public String detail() {
        return detail;
    }

    /** True when the server answered the handshake or sent data: something listened there. */
    public boolean serverAnswered() {
        return (tcpState & SYN_ACK) != 0 || serverPayload > 0 || transport == Transport.UDP && serverPackets > 0
                // a listed connection past its SYN: the server accepted it
                || transport == Transport.TCP && !listedState.isEmpty() && !listedState.equals("syn_sent") && !listedState.equals("syn-sent");
    }

    /** Whether the packet belongs to this flow's 5-tuple, in either direction. */
    boolean carries(Packet p) {
        if ((p.protocol == Packet.TCP) != (transport == Transport.TCP)) {
            return false;
        }
        // both ways tried: the two ends may share a port number
        return p.srcPort == clientPort && p.dstPort == serverPort && p.srcLow == clientLow && p.dstLow == serverLow
                && p.srcHigh == clientHigh && p.dstHigh == serverHigh
                || p.srcPort == serverPort && p.dstPort == clientPort && p.srcLow == serverLow && p.dstLow == clientLow
                        && p.srcHigh == serverHigh && p.dstHigh == clientHigh;
    }

    boolean closed() {
        return (tcpState & RESET) != 0 || (tcpState & (CLIENT_FIN | SERVER_FIN)) == (CLIENT_FIN | SERVER_FIN);
    }

    /**
     * The TCP state in a few words: "handshake only", "open", "closed", "reset", "no handshake seen"; for a
     * connection a netstat listing named, the state it gave (no packet was seen, so no handshake either).
     */
    public String state() {
        if (!listedState.isEmpty()) {
            return listedState;
        }
        if (transport == Transport.UDP) {
            return "";
        }
        if ((tcpState & RESET) != 0) {
            return "reset";
        }
        if (closed()) {
            return "closed";
        }
        if ((tcpState & SYN) == 0 && (tcpState & SYN_ACK) == 0) {
            return "no handshake seen";
        }
        if ((tcpState & SYN_ACK) == 0) {
            return "unanswered";
        }
        return clientPayload + serverPayload == 0 ? "handshake only" : "open";
    }

    @Override
    public String toString() {
        return transport.name().toLowerCase(java.util.Locale.ROOT) + " " + client() + " -> " + server();
    }
}
