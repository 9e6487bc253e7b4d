package org.proxyscope.capture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.proxyscope.core.model.AddressText;

/**
 * A capture import as the case keeps it: the capture's evidence, the counts of what it held, and every proxy
 * session found in it, so that the report and the timeline read the case and never parse the file again.
 *
 * @param evidence   the number of the case's evidence holding the capture file
 * @param analysis   the number of the evidence holding the import's JSON analysis
 * @param firstNanos time of the first packet (epoch nanoseconds), 0 when the file has none (a netstat listing)
 * @param problem    where the file broke its format, when it did; the counts cover what came before
 * @param leftOut    what the import left out and why ({@link CaptureReport#leftOut()}), or ""
 * @param listening  the sockets on proxy ports that accepted connections (a listing's LISTEN lines)
 * @param sessions   in the order the import found them
 */
public record KeptCapture(int evidence, OptionalInt analysis, Instant imported, String analyst, String fileName, String format,
        String sha256, long packets, long bytes, int flows, long tcpFlows, long udpFlows, long firstNanos, long lastNanos,
        Optional<String> problem, String leftOut, List<ListeningSocket> listening, List<Session> sessions) {

    public KeptCapture {
        listening = List.copyOf(listening);
        sessions = List.copyOf(sessions);
    }

    /** Whether the file is a netstat listing: sockets and connections as a machine listed them, no traffic. */
    public boolean listing() {
        return format.equals(CaptureFormat.NETSTAT.word());
    }

    /**
     * A proxy session as kept: who used which proxy for what, how it ended, and the mail it carried.
     *
     * @param startedNanos when the client's connection began (epoch nanoseconds), 0 when unknown
     * @param evidence     why the outcome is what it is; empty for imports kept before sessions carried it
     * @param relayedFlow  the proxy host's own connection to the destination, when the capture holds it
     */
    public record Session(int flow, long startedNanos, String clientHost, int clientPort, String proxyHost, int proxyPort,
            String protocol, String destination, ProxySession.Outcome outcome, String code, String evidence, boolean carriesSmtp,
            int smtpMessages, int smtpRecipients, OptionalInt relayedFlow) {

        /**
         * What the session was, as the report, the timeline and a note's link say it: "socks5 from 10.0.0.1 through
         * 192.0.2.7:1080 to 198.51.100.25:25", an IPv6 proxy in brackets ("through [2001:db8::7]:1080").
         */
        public String description() {
            return describe(protocol, clientHost, proxyHost, proxyPort, destination);
        }

        /** {@link #description()} of a session read in part, as a link reads it. */
        static String describe(String protocol, String clientHost, String proxyHost, int proxyPort, String destination) {
            return protocol + " from " + clientHost + " through " + AddressText.withPort(proxyHost, proxyPort) + " to "
                    + (destination.isEmpty() ? CaptureRecords.UNNAMED : destination);
        }
    }
}
