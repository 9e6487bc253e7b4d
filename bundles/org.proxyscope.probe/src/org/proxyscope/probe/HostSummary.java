package org.proxyscope.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.proxyscope.core.model.Phrases;
import org.proxyscope.core.model.ProtocolNames;

/**
 * The host's verdict and the line that leads a run's results: what relays, proven how, or what left doubt,
 * or which ports answered without relaying. One place for a fresh run and a kept one alike.
 */
public final class HostSummary {

    private HostSummary() {
    }

    /**
     * {@code open-proxy} when any finding is canary-verified open; {@code inconclusive} when an open port left
     * doubt (a relay claimed but unproven, an error, or silence from a service no protocol identified);
     * otherwise {@code no-open-proxy}.
     */
    public static String verdict(List<? extends PortFinding> findings) {
        if (findings.stream().anyMatch(f -> f.verdict() == Verdict.OPEN)) {
            return "open-proxy";
        }
        return findings.stream().anyMatch(f -> doubtful(f, findings)) ? "inconclusive" : "no-open-proxy";
    }

    /** A relay claimed but unproven, an error, or silence from an open port that no protocol identified. */
    private static boolean doubtful(PortFinding f, List<? extends PortFinding> findings) {
        return f.verdict() == Verdict.UNVERIFIED || f.verdict() == Verdict.ERROR || f.verdict() == Verdict.TIMEOUT
                && !f.silentToConnect() && findings.stream().noneMatch(o -> o.port() == f.port()
                        && (o.verdict() == Verdict.DENIED || o.verdict() == Verdict.AUTH_REQUIRED));
    }

    /**
     * One line: {@code 127.0.30.1: open proxy: SOCKS4 and SOCKS5 on 1080, proven by the canary}, or what left
     * doubt, or the ports that answered without relaying ({@code 127.0.0.1: no open proxy; port 80 (nginx)
     * answered, but does not relay}).
     */
    public static String of(String host, String verdict, List<? extends PortFinding> findings) {
        return switch (verdict) {
            case "open-proxy" -> host + ": open proxy: " + byPort(findings, f -> f.verdict() == Verdict.OPEN, "") + ", proven by the canary";
            case "inconclusive" -> host + ": inconclusive: " + byPort(findings, f -> f.verdict() == Verdict.UNVERIFIED,
                    " claimed to relay, unproven") + joined(byPort(findings, f -> f.verdict() == Verdict.ERROR, " failed"))
                    + joined(byPort(findings, f -> f.verdict() == Verdict.TIMEOUT && doubtful(f, findings), " stayed silent"));
            default -> {
                List<String> answered = new ArrayList<>();
                ports(findings, f -> f.verdict() != Verdict.NO_SERVICE && !f.silentToConnect())
                        .forEach((port, found) -> answered.add(port + service(found)));
                yield host + ": no open proxy; " + (answered.isEmpty() ? "no port answered"
                        : answered.size() == 1 ? "port " + answered.get(0) + " answered, but does not relay"
                        : answered.size() + " ports answered, none relays: " + String.join(", ", answered));
            }
        };
    }

    /** The ports that refused the connection, in order, each once: shown folded into one line. */
    public static List<Integer> refusedPorts(List<? extends PortFinding> findings) {
        return findings.stream().filter(f -> f.verdict() == Verdict.NO_SERVICE).map(PortFinding::port).distinct().sorted().toList();
    }

    /** The ports that never answered the TCP connect, in order, each once: shown folded into one line. */
    public static List<Integer> silentPorts(List<? extends PortFinding> findings) {
        return findings.stream().filter(PortFinding::silentToConnect).map(PortFinding::port).distinct().sorted().toList();
    }

    private static String joined(String more) {
        return more.isEmpty() ? "" : "; " + more;
    }

    /** "SOCKS4 and SOCKS5 on 1080 (Dante); HTTP CONNECT on 3128 (Squid 5.7)" for the findings {@code which} keeps. */
    private static String byPort(List<? extends PortFinding> findings, Predicate<PortFinding> which, String said) {
        List<String> parts = new ArrayList<>();
        ports(findings, which).forEach((port, found) -> {
            List<String> names = found.stream().map(f -> ProtocolNames.of(f.protocol())).distinct().toList();
            parts.add(Phrases.and(names) + " on " + port + service(found) + said);
        });
        return String.join("; ", parts);
    }

    private static Map<Integer, List<PortFinding>> ports(List<? extends PortFinding> findings, Predicate<PortFinding> which) {
        Map<Integer, List<PortFinding>> ports = new LinkedHashMap<>();
        findings.stream().filter(which).forEach(f -> ports.computeIfAbsent(f.port(), p -> new ArrayList<>()).add(f));
        return ports;
    }

    private static String service(List<PortFinding> found) {
        String service = found.get(0).service();
        return service.isEmpty() ? "" : " (" + service + ")";
    }
}
