package org.proxyscope.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an import found. When the file broke its format part-way, {@link #problem()} says where and the
 * rest holds everything read before that point.
 *
 * @param bytes            frame bytes of all packets, as tshark counts them
 * @param tcpFlows         how many of the flows are TCP conversations, the rest being UDP
 * @param malformedPackets packets shorter than the headers they announce; of a listing, the socket lines left out
 * @param fragments        IP fragments (flagged; not reassembled)
 * @param firstNanos       time of the first packet, or 0 when unknown
 */
public record CaptureReport(Path file, CaptureFormat format, String sha256, long packets, long bytes, List<Flow> flows,
        long tcpFlows, List<ProxySession> sessions, List<ListeningSocket> listening, List<HostRecord> hosts, long malformedPackets,
        long fragments, long firstNanos, long lastNanos, Duration elapsed, Optional<String> problem) {

    public CaptureReport {
        flows = List.copyOf(flows);
        sessions = List.copyOf(sessions);
        listening = List.copyOf(listening);
        hosts = List.copyOf(hosts);
        if (tcpFlows < 0 || tcpFlows > flows.size()) {
            throw new IllegalArgumentException(tcpFlows + " TCP flows of " + flows.size());
        }
    }

    /** A report whose TCP flows are counted here, for flows not counted as they were read. */
    public CaptureReport(Path file, CaptureFormat format, String sha256, long packets, long bytes, List<Flow> flows,
            List<ProxySession> sessions, List<ListeningSocket> listening, List<HostRecord> hosts, long malformedPackets,
            long fragments, long firstNanos, long lastNanos, Duration elapsed, Optional<String> problem) {
        this(file, format, sha256, packets, bytes, flows, flows.stream().filter(f -> f.transport() == Flow.Transport.TCP).count(),
                sessions, listening, hosts, malformedPackets, fragments, firstNanos, lastNanos, elapsed, problem);
    }

    /**
     * This report of the file at {@code where} (the evidence store's copy, once it is kept) with its SHA-256, and
     * the time since {@code startedNanos} (System.nanoTime) as its duration.
     */
    CaptureReport of(Path where, String sha, long startedNanos) {
        return new CaptureReport(where, format, sha, packets, bytes, flows, tcpFlows, sessions, listening, hosts, malformedPackets, fragments,
                firstNanos, lastNanos, Duration.ofNanos(System.nanoTime() - startedNanos), problem);
    }

    /**
     * What the analysis left out of what it read, in a sentence: malformed packets, or a listing's socket lines
     * it could not use. Empty when it used everything.
     */
    public Optional<String> leftOut() {
        if (malformedPackets == 0) {
            return Optional.empty();
        }
        return Optional.of(format == CaptureFormat.NETSTAT
                ? CaptureJson.plural(malformedPackets, "socket line") + " left out: they name hosts or services instead of"
                        + " addresses and ports (a listing made without -n; ask for netstat -ano or ss -tanp), or cannot be read"
                : CaptureJson.plural(malformedPackets, "malformed packet") + " left out of the flows");
    }

    /**
     * The listening sockets on ports where proxies and relays are usually found, in the order found: what the case keeps
     * of them, numbered from 1 as a listed socket's search ref names it, and what the views and the summary show. The
     * others say nothing about proxies, and a listing may hold hundreds.
     */
    public List<ListeningSocket> onProxyPorts() {
        return listening.stream().filter(ListeningSocket::proxyPort).toList();
    }

    /** True when the file broke off or broke its format, and only what came before was read. */
    public boolean partial() {
        return problem.isPresent();
    }

    /** TCP and UDP conversations, counted as tshark's conversation tables count them. */
    public int flowCount() {
        return flows.size();
    }

    /** Every flow that is no TCP flow: a capture's flows are TCP or UDP. */
    public long udpFlows() {
        return flows.size() - tcpFlows();
    }
}
