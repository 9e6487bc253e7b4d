package org.proxyscope.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A probe run as the case keeps it: when, by whom, against what, the host's verdict and every finding.
 *
 * @param number   the run's number within its case, from 1
 * @param verdict  the host's verdict: {@code open-proxy}, {@code inconclusive} or {@code no-open-proxy}
 * @param canary   where the canary listened (or the external URL), as the run used it
 * @param scope    the authorised scope the run's connections were checked against, as {@code Scope.toString()} writes
 *                 it; empty for a run kept before runs recorded it
 */
public record ProbeRun(int number, String host, Instant started, Duration elapsed, String analyst, String verdict,
        String canary, String scope, List<Recorded> findings) {

    public ProbeRun {
        findings = List.copyOf(findings);
    }

    /**
     * One finding as kept: its verdict, proof and detail, an excerpt of what was sent and what came back, and
     * the evidence that holds its whole transcript.
     *
     * @param sent     the first bytes sent, escaped as in transcripts; empty when nothing was sent
     * @param reply    the first bytes received, likewise
     * @param evidence the number of the case's evidence holding the transcript, when there is one
     * @param service  what answered on the port, as the run named it; empty when its replies told nothing
     */
    public record Recorded(int port, String protocol, Verdict verdict, Optional<CanaryProof> proof, String detail, String sent,
            String reply, OptionalInt evidence, String service) implements PortFinding {
    }

    /** The line that leads the run's results: see {@link HostSummary#of}. */
    public String summary() {
        return HostSummary.of(host, verdict, findings);
    }

    /** The findings that matter first: relays proven, then doubtful ones, then refusals; silent ports last. */
    public List<Recorded> findingsByWeight() {
        return findings.stream().sorted(Comparator.comparingInt((Recorded f) -> weight(f.verdict()))
                .thenComparingInt(Recorded::port)).toList();
    }

    /** The findings of ports that answered, by weight: {@link #findingsByWeight()} less the refused and silent connections. */
    public List<Recorded> answered() {
        return findingsByWeight().stream().filter(f -> f.verdict() != Verdict.NO_SERVICE && !f.silentToConnect()).toList();
    }

    /** The ports that refused the connection, in order, each once: shown folded into one line. */
    public List<Integer> refusedPorts() {
        return HostSummary.refusedPorts(findings);
    }

    /** The ports that never answered the TCP connect, in order, each once: shown folded into one line. */
    public List<Integer> silentPorts() {
        return HostSummary.silentPorts(findings);
    }

    private static int weight(Verdict v) {
        return switch (v) {
            case OPEN -> 0;
            case UNVERIFIED, ERROR -> 1;
            case AUTH_REQUIRED, DENIED -> 2;
            case TIMEOUT -> 3;
            case NOT_A_PROXY -> 4;
            case NO_SERVICE -> 5;
        };
    }
}
