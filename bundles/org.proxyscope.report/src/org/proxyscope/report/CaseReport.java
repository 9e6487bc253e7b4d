package org.proxyscope.report;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.proxyscope.core.Progress;
import org.proxyscope.core.TempPaths;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.report.internal.ReportSigner;
import org.proxyscope.report.internal.ReportTypesetter;
import org.proxyscope.report.internal.SafeOutput;

/**
 * Exports a case's PDF report: every section that has something to say, from what the case keeps in the
 * workspace. The file is written beside its destination under a temporary name and moved into place only
 * when whole; it is then kept as the case's evidence (hashed, read-only) and the export goes to the custody
 * log. The command line and the Reporting perspective both use it.
 */
public final class CaseReport {

    /** How an exported report's evidence record begins its source, so views can list a case's reports. */
    public static final String SOURCE_PREFIX = "report export";

    /**
     * What an export produced.
     *
     * @param evidence the file as the case keeps it (its SHA-256 is the file's)
     * @param sections the ids of the sections written, in order
     * @param signer   who signed it, as the key's certificate names them, when it was signed
     */
    public record Exported(Path file, Evidence evidence, int pages, List<String> sections, Optional<String> signer) {
    }

    private CaseReport() {
    }

    /**
     * The case at this moment with every section's contribution gathered, and the sections that have
     * something to say: what the report, the customer notice and the complaints are all made from.
     */
    public record Gathered(ReportContext context, List<ReportSection> sections) {
    }

    /** Reads the case once and asks each section (less those omitted) what it found. */
    public static Gathered gather(Workspace workspace, CaseId id, ReportSections catalog, Set<String> omitted)
            throws WorkspaceException {
        Case subject = workspace.get(id);
        ReportContext bare = new ReportContext(workspace, subject, workspace.evidence(id), workspace.custody(id), Instant.now());
        List<ReportSection> chosen = catalog.sections().stream().filter(s -> !omitted.contains(s.id())).toList();
        // every section speaks first, so that the summary and the remediation know what the others found
        List<Contribution> gathered = new ArrayList<>();
        for (ReportSection s : chosen) {
            s.contribute(bare).ifPresent(gathered::add);
        }
        ReportContext context = bare.with(gathered);
        List<ReportSection> sections = new ArrayList<>();
        for (ReportSection s : chosen) {
            if (s.hasContent(context)) {
                sections.add(s);
            }
        }
        return new Gathered(context, sections);
    }

    /**
     * @param catalog the sections available: the DS component in the workbench, {@link ReportSections#current()}
     *                on the command line
     */
    public static Exported export(Workspace workspace, CaseId id, ReportSections catalog, ExportRequest request, Progress progress)
            throws WorkspaceException, ReportException {
        workspace.get(id);
        Path target = SafeOutput.check(request.out(), request.overwrite());
        // the key first: a wrong password should not cost the analyst the wait for the whole report
        Optional<ReportSigner> signer = request.signing().isPresent() ? Optional.of(ReportSigner.open(request.signing().get()))
                : Optional.empty();
        Gathered gathered = gather(workspace, id, catalog, request.omitted());
        int[] pages = new int[1];
        SafeOutput.write(target, request.overwrite(), "the report of " + id, partial -> {
            Path typeset = signer.isPresent() ? TempPaths.file(target.getParent(), "." + target.getFileName() + ".unsigned-", "")
                    : partial;
            try {
                try (OutputStream stream = Files.newOutputStream(typeset, StandardOpenOption.TRUNCATE_EXISTING)) {
                    pages[0] = ReportTypesetter.typeset(gathered.context(), gathered.sections(), stream, progress);
                } catch (WorkspaceException e) {
                    throw new ReportException(e.getMessage(), e);
                }
                if (progress.cancelled()) {
                    throw new ReportException("The export of " + id + " was cancelled; nothing was written.");
                }
                if (signer.isPresent()) {
                    signer.get().sign(typeset, partial, "Proxyscope case report " + id + ", generated "
                            + ReportTime.utc(gathered.context().generated()));
                }
            } finally {
                if (typeset != partial) {
                    SafeOutput.deleteQuietly(typeset);
                }
            }
        });
        List<String> ids = gathered.sections().stream().map(ReportSection::id).toList();
        Evidence kept = keep(workspace, id, target, SOURCE_PREFIX + ", " + pages[0] + " pages", "PDF report", signer.map(
                s -> ", signed by " + s.signer()).orElse(", not signed") + "; sections: " + String.join(", ", ids));
        return new Exported(target, kept, pages[0], ids, signer.map(ReportSigner::signer));
    }

    /**
     * Keeps an exported file as the case's evidence and records the export in its custody log.
     *
     * @param what    how the custody entry names the export ("PDF report", "customer notice", ...)
     * @param details what the custody entry adds after the file's hash
     */
    static Evidence keep(Workspace workspace, CaseId id, Path file, String source, String what, String details)
            throws WorkspaceException {
        Evidence kept = workspace.addEvidence(id, file, source, Progress.NONE);
        workspace.record(id, CustodyAction.REPORT_EXPORTED, what + " " + file.getFileName() + ", sha256 " + kept.sha256()
                + ", kept as evidence #" + kept.number() + details);
        return kept;
    }
}
