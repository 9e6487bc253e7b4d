package org.proxyscope.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.proxyscope.core.model.Scope;

/**
 * The result of probing one host: when it began, every finding and the host's verdict.
 *
 * @param scope the authorised scope every connection of the run was checked against: what made it lawful
 */
public record ProbeReport(String host, Instant started, Duration elapsed, List<Finding> findings, Scope scope) {

    public ProbeReport {
        findings = List.copyOf(findings);
    }

    /** See {@link HostSummary#verdict(List)}. */
    public String verdict() {
        return HostSummary.verdict(findings);
    }

    /** The line that leads the results: see {@link HostSummary#of}. */
    public String summary() {
        return HostSummary.of(host, verdict(), findings);
    }
}
