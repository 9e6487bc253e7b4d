package org.proxyscope.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.proxyscope.report.internal.PdfSigner;
import org.proxyscope.report.internal.ReportTypesetter;

/**
 * Exports a case's PDF report: every section that has something to say, from what the case keeps in the
 * workspace. The file is written beside its destination under a temporary name and moved into place only
 * when whole; it is then kept as the case's evidence (hashed, read-only) and the export goes to the custody
 * log. The command line and the Reporting perspective both use it.
 */
public final class CaseReport {

    /**
     * What an export produced.
     *
     * @param evidence the report as the case keeps it (its SHA-256 is the file's)
     * @param sections the ids of the sections written, in order
     * @param signer   who signed it, as the key's certificate names them, when it was signed
     */
    public record Exported(Path file, Evidence evidence, int pages, List<String> sections, Optional<String> signer) {
    }

    /** How an exported report's evidence record begins its source, so views can list a case's reports. */
    public static final String SOURCE_PREFIX = "report export";

    private CaseReport() {
    }

    /**
     * @param catalog the sections available: the DS component in the workbench, {@link ReportSections#current()}
     *                on the command line
     */
    public static Exported export(Workspace workspace, CaseId id, ReportSections catalog, ExportRequest request, Progress progress)
            throws WorkspaceException, ReportException {
        Path out = request.out();
        boolean overwrite = request.overwrite();
        Set<String> omitted = request.omitted();
        // the key first: a wrong password should not cost the analyst the wait for the whole report
        Optional<PdfSigner> signer = request.signing().isPresent() ? Optional.of(PdfSigner.open(request.signing().get()))
                : Optional.empty();
        Case subject = workspace.get(id);
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ReportException(target + " is a folder; name the PDF file to write");
        }
        if (Files.exists(target) && !overwrite) {
            throw new ReportException(target + " exists already; choose another name or allow overwriting (--force)");
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ReportException("The folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new ReportException("The folder " + folder + " cannot be written to");
        }
        ReportContext bare = new ReportContext(workspace, subject, workspace.evidence(id), workspace.custody(id), Instant.now(),
                List.of());
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
        Path partial;
        try {
            partial = TempPaths.file(folder, "." + target.getFileName() + ".partial-", "");
        } catch (IOException e) {
            throw new ReportException("Cannot write in " + folder + ": " + e.getMessage(), e);
        }
        int pages;
        Path unsigned = null;
        try {
            try (OutputStream stream = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
                pages = ReportTypesetter.typeset(context, sections, stream, progress);
            }
            if (progress.cancelled()) {
                throw new ReportException("The export of " + id + " was cancelled; nothing was written.");
            }
            if (signer.isPresent()) {
                unsigned = partial;
                partial = TempPaths.file(folder, "." + target.getFileName() + ".signed-", "");
                signer.get().sign(unsigned, partial, "Proxyscope case report " + id + ", generated "
                        + ReportTime.utc(context.generated()));
                deleteQuietly(unsigned);
            }
            move(partial, target, overwrite);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            if (unsigned != null) {
                deleteQuietly(unsigned);
            }
            throw new ReportException("Cannot write the report of " + id + " to " + target + ": " + describe(e), e);
        } catch (ReportException e) {
            deleteQuietly(partial);
            if (unsigned != null) {
                deleteQuietly(unsigned);
            }
            throw e;
        }
        Evidence kept = workspace.addEvidence(id, target, SOURCE_PREFIX + ", " + pages + " pages", Progress.NONE);
        List<String> ids = sections.stream().map(ReportSection::id).toList();
        workspace.record(id, CustodyAction.REPORT_EXPORTED, "PDF report " + target.getFileName() + ", " + pages + " pages, sha256 "
                + kept.sha256() + ", kept as evidence #" + kept.number()
                + signer.map(x -> ", signed by " + x.signer()).orElse(", not signed") + "; sections: " + String.join(", ", ids));
        return new Exported(target, kept, pages, ids, signer.map(PdfSigner::signer));
    }

    private static void move(Path partial, Path target, boolean overwrite) throws IOException, ReportException {
        try {
            if (overwrite) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a link, unlike a rename, refuses to replace a file that appeared meanwhile
                Files.createLink(target, partial);
                Files.delete(partial);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ReportException(target + " appeared while the report was written; nothing was replaced");
        } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
            Files.move(partial, target, overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[0]);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the partial file has a name no report uses; the message already says the export failed
        }
    }
}
