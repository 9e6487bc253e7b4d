package org.proxyscope.capture;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.proxyscope.core.Progress;
import org.proxyscope.core.TempPaths;
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

    public static CaptureReport keep(Workspace workspace, CaseId id, Path file, CaptureImporter importer, Progress progress)
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
        Path analysis = TempPaths.file("proxyscope-analysis-", ".json");
        try {
            try (Writer json = Files.newBufferedWriter(analysis, StandardCharsets.UTF_8)) {
                CaptureJson.write(report, json); // streamed: tens of thousands of sessions make tens of megabytes
            }
            Evidence kept = workspace.addEvidence(id, analysis, "analysis of evidence #" + capture.number(), Progress.NONE);
            CaptureRecords.of(workspace).record(id, capture, kept, report);
        } finally {
            Files.deleteIfExists(analysis);
        }
        return report;
    }
}
