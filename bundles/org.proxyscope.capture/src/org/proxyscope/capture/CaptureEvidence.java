package org.proxyscope.capture;

import java.io.IOException;
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
 * Imports a capture into a case: the file becomes read-only evidence first, the stored copy is analysed,
 * the analysis (JSON) is kept as evidence too, and the import with its proxy sessions is kept in the case
 * ({@link CaptureRecords}) together with its custody entry. The command line
 * and the Capture perspective both use it.
 */
public final class CaptureEvidence {

    /** How a capture's evidence record begins its source, so views can find a case's captures. */
    public static final String SOURCE_PREFIX = "capture ";

    private CaptureEvidence() {
    }

    public static CaptureReport keep(Workspace workspace, CaseId id, Path file, CaptureImporter importer, Progress progress)
            throws WorkspaceException, IOException, CaptureFormatException {
        Evidence capture = workspace.addEvidence(id, file, SOURCE_PREFIX + file.getFileName(), progress);
        CaptureReport report;
        try {
            report = importer.read(workspace.storedFile(capture), capture.sha256(), progress);
        } catch (CaptureFormatException e) {
            workspace.record(id, CustodyAction.CAPTURE_IMPORTED, "evidence #" + capture.number() + " could not be read: " + e.getMessage());
            throw e;
        }
        Path analysis = TempPaths.file("proxyscope-analysis-", ".json");
        try {
            Files.writeString(analysis, CaptureJson.render(report), StandardCharsets.UTF_8);
            Evidence kept = workspace.addEvidence(id, analysis, "analysis of evidence #" + capture.number(), Progress.NONE);
            CaptureRecords.of(workspace).record(id, capture, kept, report);
        } finally {
            Files.deleteIfExists(analysis);
        }
        return report;
    }
}
