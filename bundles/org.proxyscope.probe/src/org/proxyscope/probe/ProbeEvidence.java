package org.proxyscope.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.PortRanges;

/**
 * Keeps what a probe run saw: each finding's transcript as a file (text and hex), and, for a case, those files
 * as its evidence with the run in its custody log. The command line and the Probing perspective both use it.
 */
public final class ProbeEvidence {

    private ProbeEvidence() {
    }

    /** Writes the transcripts of findings that exchanged bytes into {@code folder}; returns each file. */
    public static Map<Finding, Path> write(ProbeReport report, Path folder) throws IOException {
        Map<Finding, Path> files = new LinkedHashMap<>();
        String stamp = Instant.now().toString().replace(':', '-');
        for (Finding f : report.findings()) {
            if (f.transcript().segments().isEmpty()) {
                continue;
            }
            Path file = folder.resolve(report.host().replace(':', '_') + "-" + f.port() + "-" + f.protocol() + "-" + stamp + ".txt");
            Files.writeString(file, render(report, f), StandardCharsets.UTF_8);
            files.put(f, file);
        }
        return files;
    }

    /** A transcript file's content: what was probed, the verdict, then the exchange as text and as hex. */
    public static String render(ProbeReport report, Finding f) {
        return "Proxyscope probe transcript: " + f.protocol() + " on " + report.host() + " port " + f.port() + "\nVerdict: "
                + f.verdict().word() + " (" + f.detail() + ")\n\n" + f.transcript().text() + "\nHex:\n" + f.transcript().hex();
    }

    /**
     * Adds each transcript to the case as evidence and records the run in its custody log.
     *
     * @return for each finding with a transcript, its evidence name ("PX-2026-0001 evidence #3")
     */
    public static Map<Finding, String> keep(Workspace workspace, CaseId id, ProbeReport report)
            throws WorkspaceException, IOException {
        Path folder = Files.createTempDirectory("proxyscope-probe-");
        Map<Finding, String> names = new LinkedHashMap<>();
        try {
            for (Map.Entry<Finding, Path> e : write(report, folder).entrySet()) {
                Evidence kept = workspace.addEvidence(id, e.getValue(), "probe transcript, " + e.getKey().protocol()
                        + " on port " + e.getKey().port(), Progress.NONE);
                names.put(e.getKey(), id + " evidence #" + kept.number());
                Files.delete(e.getValue());
            }
        } finally {
            try (var left = Files.list(folder)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(folder);
        }
        String ports = PortRanges.of(report.findings().stream().map(Finding::port).distinct().toList()).toString();
        workspace.record(id, CustodyAction.PROBE_RUN, report.host() + " ports " + ports + ": " + report.verdict() + ", "
                + report.findings().stream().filter(f -> f.verdict() == Verdict.OPEN).count() + " open findings");
        return names;
    }
}
