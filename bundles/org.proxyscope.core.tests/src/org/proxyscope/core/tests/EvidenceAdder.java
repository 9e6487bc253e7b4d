package org.proxyscope.core.tests;

import java.nio.file.Path;
import java.util.List;

import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;

/** A child process for {@link CrashSafetyTest}: opens a case and adds a big file as its evidence, to be killed meanwhile. */
public final class EvidenceAdder {

    private EvidenceAdder() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]), "alice")) {
            Case c = ws.createCase(NewCase.of("Killed add", "192.0.2.7", "", "", "high", List.of()));
            System.out.println(c.id());
            System.out.flush();
            ws.addEvidence(c.id(), Path.of(args[1]), "customer PC", Progress.NONE);
        }
    }
}
