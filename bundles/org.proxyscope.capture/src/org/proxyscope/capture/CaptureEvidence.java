package org.proxyscope.capture;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.proxyscope.cli.JsonStreamWriter;
import org.proxyscope.core.Background;
import org.proxyscope.core.Progress;
import org.proxyscope.core.ProxyscopeVersion;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.Evidence;

/**
 * Imports a capture into a case in one pass over the file: it is copied into the evidence store and hashed on
 * one thread while it is analysed on another, becomes read-only evidence, the analysis (JSON) is kept as
 * evidence too, and the import with its proxy sessions is kept in the case ({@link CaptureRecords}) together
 * with its custody entry. The command line and the Capture perspective both use it.
 */
public final class CaptureEvidence {

    /** How a capture's evidence record begins its source, so views can find a case's captures. */
    public static final String SOURCE_PREFIX = "capture ";

    private CaptureEvidence() {
    }

    /** What the analysis made of the file as it was stored: a report, or why it is no capture. */
    private record Analysed(CaptureReport report, CaptureFormatException failure) {
    }

    /** The analysis's JSON in the evidence store, not yet added, or why it could not be written there. */
    private record Written(Workspace.StagedEvidence analysis, WorkspaceException failure) {
    }

    /**
     * An import as the case keeps it.
     *
     * @param capture  the evidence holding the file
     * @param analysis the evidence holding the analysis's JSON, as {@link CaptureJson#write} writes it
     */
    public record Kept(CaptureReport report, Evidence capture, Evidence analysis) {
    }

    /**
     * Analyses a capture the case imported again, from its stored copy, with this version of Proxyscope: what it finds
     * replaces what the case kept of the import (its sessions, listening sockets and search entries), and a new
     * analysis is kept as evidence beside the one before. The custody log says what each analysis found. A stored copy
     * that no longer matches its recorded SHA-256 is not analysed, and nothing changes.
     */
    public static Kept analyseAgain(Workspace workspace, CaseId id, int number, CaptureImporter importer, Progress progress)
            throws WorkspaceException, IOException, CaptureFormatException {
        long started = System.nanoTime();
        Evidence capture = workspace.evidence(id, number);
        if (!capture.source().startsWith(SOURCE_PREFIX)) {
            throw new WorkspaceException("Evidence #" + number + " of " + id + " (" + capture.originalName() + ") is no capture the case"
                    + " imported; import a capture or listing with import --case.");
        }
        if (capture.isPurged()) {
            throw new WorkspaceException("Evidence #" + number + " of " + id + " was purged on " + capture.purged().get()
                    + "; there is no file left to analyse.");
        }
        Path stored = workspace.storedFile(capture);
        CaptureReport read = importer.read(stored, progress);
        if (progress.cancelled()) {
            throw new WorkspaceException("The analysis of evidence #" + number + " of " + id + " was cancelled. Nothing was changed.");
        }
        if (!read.sha256().equals(capture.sha256())) {
            throw new WorkspaceException("Evidence #" + number + " of " + id + " (" + stored + ") no longer has its recorded SHA-256 "
                    + capture.sha256() + " but " + read.sha256() + "; run case verify on it. Nothing was changed.");
        }
        CaptureReport report = read.of(stored, capture.sha256(), started);
        CaptureRecords records = CaptureRecords.of(workspace);
        AddressTexts addresses = new AddressTexts();
        CaptureRecords.Prepared sessions = records.prepare(capture, report, addresses);
        try (Workspace.StagedEvidence json = workspace.stageEvidence(id, capture.originalName() + ".analysis.json",
                out -> CaptureJson.write(report, new JsonStreamWriter(out), addresses))) {
            // the same analysis, byte for byte, as one the case keeps (the same version, or nothing it changed): that one serves
            Optional<Evidence> same = workspace.evidence(id).stream()
                    .filter(e -> !e.isPurged() && e.sha256().equals(json.sha256())).findFirst();
            records.replace(id, sessions, ProxyscopeVersion.current().toString());
            Evidence kept = same.isPresent() ? same.get() : workspace.addEvidence(json, "analysis of evidence #" + number + ", again");
            records.attachAnalysis(id, capture, kept);
            return new Kept(report, capture, kept);
        }
    }

    public static Kept keep(Workspace workspace, CaseId id, Path file, CaptureImporter importer, Progress progress)
            throws WorkspaceException, IOException, CaptureFormatException {
        long started = System.nanoTime();
        Workspace.AddedEvidence<Analysed> added = workspace.addEvidence(id, file, SOURCE_PREFIX + file.getFileName(), progress,
                channel -> {
                    try {
                        return new Analysed(importer.read(file, Files.size(file), channel, progress), null);
                    } catch (CaptureFormatException e) {
                        return new Analysed(null, e); // the file stays evidence, though it is no capture
                    }
                });
        Evidence capture = added.evidence();
        if (added.result().failure() != null) {
            workspace.record(id, CustodyAction.CAPTURE_IMPORTED, "evidence #" + capture.number() + " could not be read: "
                    + added.result().failure().getMessage());
            throw added.result().failure();
        }
        CaptureReport report = added.result().report().of(workspace.storedFile(capture), capture.sha256(), started);
        CaptureRecords records = CaptureRecords.of(workspace);
        AddressTexts addresses = new AddressTexts(); // each address's text made once, for the rows, the search and the JSON
        CaptureRecords.Prepared sessions = records.prepare(capture, report, addresses);
        // The analysis's JSON is written straight into the evidence store, and hashed as it is written, on a thread of
        // its own while the sessions go into the workspace: for a capture dense in sessions that is tens of megabytes,
        // 0.4-0.5 s, beside seconds of database work. It waits until the sessions' search entries are made: on two
        // cores, the three threads at once slowed each other and the database's thread, and the JSON took twice as long.
        Background<Written> json = Background.start("capture-analysis", () -> {
            sessions.awaitEntries();
            try {
                // named after its capture, as the case's evidence list shows it
                return new Written(workspace.stageEvidence(id, file.getFileName() + ".analysis.json",
                        out -> CaptureJson.write(report, new JsonStreamWriter(out), addresses)), null);
            } catch (WorkspaceException e) {
                return new Written(null, e);
            }
        });
        try {
            records.record(id, sessions);
            Written written = json.join(() -> new InterruptedIOException("interrupted while writing the capture's analysis"));
            if (written.failure() != null) {
                // the capture and its sessions are kept: the analyst must not take the failure for a lost import
                throw new WorkspaceException(written.failure().getMessage() + " The capture is kept as evidence #" + capture.number()
                        + ", with its " + CaptureJson.plural(report.sessions().size(), "proxy session")
                        + "; only the analysis's JSON is missing.", written.failure());
            }
            Evidence kept = workspace.addEvidence(written.analysis(), "analysis of evidence #" + capture.number());
            records.attachAnalysis(id, capture, kept);
            return new Kept(report, capture, kept);
        } finally {
            json.awaitEnd(); // ended, however it ended: what it wrote goes unless it was added
            try {
                Workspace.StagedEvidence unadded = json.join(IllegalStateException::new).analysis(); // ended: no wait
                if (unadded != null) {
                    unadded.close();
                }
            } catch (RuntimeException e) {
                // the JSON failed and left nothing staged; a failure of its own is the one thrown above
            }
        }
    }
}
