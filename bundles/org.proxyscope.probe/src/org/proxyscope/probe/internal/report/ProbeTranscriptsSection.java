package org.proxyscope.probe.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportWriter;

/** The report's appendix of probe transcripts: every byte sent and received, as text and hex, from the evidence. */
public final class ProbeTranscriptsSection implements ReportSection {

    @Override
    public String id() {
        return "org.proxyscope.probe.transcripts";
    }

    @Override
    public String title() {
        return "Appendix: probe transcripts";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean hasContent(ReportContext context) throws WorkspaceException {
        return ProbeFindingsSection.runs(context).stream().flatMap(r -> r.findings().stream()).anyMatch(f -> f.evidence().isPresent());
    }

    @Override
    public void write(ReportContext context, ReportWriter out) throws WorkspaceException {
        out.paragraph("Transcripts of the probes that exchanged bytes, proven relays first, as kept in the case's evidence:"
                + " \"> \" is what Proxyscope sent, \"< \" what came back, \"# \" what the probe noted; other bytes as \\xNN.");
        for (ProbeRun run : ProbeFindingsSection.runs(context)) {
            for (ProbeRun.Recorded f : run.findingsByWeight()) {
                if (f.evidence().isEmpty()) {
                    continue;
                }
                int number = f.evidence().getAsInt();
                Optional<Evidence> kept = context.evidence().stream().filter(e -> e.number() == number).findFirst();
                out.heading("Run " + run.number() + ", " + f.protocol() + " on port " + f.port() + ": " + f.verdict().word()
                        + " (evidence #" + number + ")");
                if (kept.isEmpty() || kept.get().isPurged()) {
                    out.paragraph("Evidence #" + number + " was purged; its SHA-256 and the purge stay in the evidence list.");
                    continue;
                }
                try {
                    out.preformatted(Files.readString(context.workspace().storedFile(kept.get()), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.paragraph("Evidence #" + number + " cannot be read (" + e.getMessage() + "); `proxyscope case verify "
                            + context.subject().id() + "` says what happened to it.");
                }
            }
        }
    }

}
