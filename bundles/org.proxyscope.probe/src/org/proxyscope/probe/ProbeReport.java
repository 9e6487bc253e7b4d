package org.proxyscope.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The result of probing one host: when it began, every finding and the host's verdict. */
public record ProbeReport(String host, Instant started, Duration elapsed, List<Finding> findings) {

    public ProbeReport {
        findings = List.copyOf(findings);
    }

    /**
     * {@code open-proxy} when any finding is canary-verified open; {@code inconclusive} when an open port left
     * doubt (a relay claimed but unproven, an error, or silence from a service no protocol identified);
     * otherwise {@code no-open-proxy}.
     */
    public String verdict() {
        if (findings.stream().anyMatch(f -> f.verdict() == Verdict.OPEN)) {
            return "open-proxy";
        }
        boolean doubt = findings.stream().anyMatch(f -> f.verdict() == Verdict.UNVERIFIED || f.verdict() == Verdict.ERROR
                || f.verdict() == Verdict.TIMEOUT && !f.detail().startsWith(Prober.SCAN_TIMEOUT) && !identified(f.port()));
        return doubt ? "inconclusive" : "no-open-proxy";
    }

    /** Whether some protocol recognised the service on the port (a squid ignores a SOCKS greeting silently). */
    private boolean identified(int port) {
        return findings.stream().anyMatch(f -> f.port() == port && (f.verdict() == Verdict.DENIED
                || f.verdict() == Verdict.AUTH_REQUIRED));
    }
}
