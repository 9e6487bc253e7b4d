package org.proxyscope.core.tests;

import java.nio.file.Path;
import java.util.List;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;

/** Run in a child JVM by {@link CrashSafetyTest}: writes cases until killed, printing each committed id. */
public final class WriteLoop {

    private WriteLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = Workspace.open(Path.of(args[0]), "loop")) {
            for (int i = 0; ; i++) {
                Case c = ws.createCase(NewCase.of("Loop case " + i, "192.0.2." + (i % 250 + 1), "", "", "", List.of("loop")));
                ws.record(c.id(), org.proxyscope.core.model.CustodyAction.PROBE_RUN, "write " + i);
                System.out.println(c.id());
                System.out.flush();
            }
        }
    }
}
