package org.proxyscope.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.proxyscope.core.model.Phrases;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.model.ProtocolNames;

/**
 * What a section tells the rest of the report: the case's standing as its evidence shows it, sentences for
 * the executive summary, the services the customer must close, and when relaying was first and last seen.
 *
 * @param standing  what this section's evidence shows
 * @param verdict   the verdict in one line, for the cover, as this section's evidence supports it
 * @param summary   sentences in plain words for the executive summary
 * @param exposed   the ports and protocols found relaying or open to abuse, named in the remediation
 * @param firstSeen the earliest relaying this section's evidence shows
 * @param lastSeen  the latest
 * @param proofEvidence the numbers of the case's evidence that prove the relaying (transcripts, captures), which
 *                  complaints to other desks attach
 */
public record Contribution(Standing standing, String verdict, List<String> summary, List<Exposure> exposed,
        Optional<Instant> firstSeen, Optional<Instant> lastSeen, List<Integer> proofEvidence) {

    public Contribution {
        summary = List.copyOf(summary);
        exposed = List.copyOf(exposed);
        proofEvidence = List.copyOf(proofEvidence);
    }

    /** How strongly a section's evidence says the host relays; the report's verdict is the strongest. */
    public enum Standing {
        /** Nothing in this section's evidence says the host relays. */
        NO_RELAY,
        /** Something claimed to relay, but proof is missing. */
        INCONCLUSIVE,
        /** The host relayed: proven by the canary, or seen relaying in captured traffic. */
        RELAYS;

        /** "no-relay", "inconclusive", "relays": as the command line and its JSON say it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A service the customer must close or restrict.
     *
     * @param protocol as the analyst names it: {@code socks5}, {@code http-connect}, {@code smtp-relay}, ...
     */
    public record Exposure(int port, String protocol) {

        /**
         * "SOCKS5 on port 1080; HTTP CONNECT and HTTP GET on ports 3128 and 8080-8081": the services, each port's
         * protocols named together, ports with the same protocols together, in the order first named.
         */
        public static String describe(List<Exposure> exposures) {
            Map<Integer, Set<String>> byPort = new LinkedHashMap<>();
            exposures.forEach(e -> byPort.computeIfAbsent(e.port(), p -> new LinkedHashSet<>()).add(ProtocolNames.of(e.protocol())));
            Map<String, List<Integer>> ports = new LinkedHashMap<>();
            byPort.forEach((port, names) -> ports.computeIfAbsent(Phrases.and(List.copyOf(names)), n -> new ArrayList<>()).add(port));
            List<String> parts = new ArrayList<>();
            ports.forEach((names, numbers) -> {
                List<String> ranges = PortRanges.of(numbers).ranges().stream()
                        .map(r -> r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]).toList();
                parts.add(names + (numbers.size() == 1 ? " on port " : " on ports ") + Phrases.and(ranges));
            });
            return String.join("; ", parts);
        }
    }
}
