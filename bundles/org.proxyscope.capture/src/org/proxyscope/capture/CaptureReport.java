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
 * @param malformedPackets packets shorter than the headers they announce
 * @param fragments        IP fragments (flagged; not reassembled)
 * @param firstNanos       time of the first packet, or 0 when unknown
 */
public record CaptureReport(Path file, CaptureFormat format, String sha256, long packets, long bytes, List<Flow> flows,
        List<ProxySession> sessions, List<ListeningSocket> listening, List<HostRecord> hosts, long malformedPackets,
        long fragments, long firstNanos, long lastNanos, Duration elapsed, Optional<String> problem) {

    public CaptureReport {
        flows = List.copyOf(flows);
        sessions = List.copyOf(sessions);
        listening = List.copyOf(listening);
        hosts = List.copyOf(hosts);
    }

    /**
     * This report of the file at {@code where} (the evidence store's copy, once it is kept) with its SHA-256, and
     * the time since {@code startedNanos} (System.nanoTime) as its duration.
     */
    CaptureReport of(Path where, String sha, long startedNanos) {
        return new CaptureReport(where, format, sha, packets, bytes, flows, sessions, listening, hosts, malformedPackets, fragments,
                firstNanos, lastNanos, Duration.ofNanos(System.nanoTime() - startedNanos), problem);
    }

    /** True when the file broke off or broke its format, and only what came before was read. */
    public boolean partial() {
        return problem.isPresent();
    }

    /** TCP and UDP conversations, counted as tshark's conversation tables count them. */
    public int flowCount() {
        return flows.size();
    }

    public long tcpFlows() {
        long tcp = 0;
        for (Flow f : flows) {
            if (f.transport() == Flow.Transport.TCP) {
                tcp++;
            }
        }
        return tcp;
    }

    /** Every flow that is no TCP flow: a capture's flows are TCP or UDP. */
    public long udpFlows() {
        return flows.size() - tcpFlows();
    }
}
