package org.proxyscope.capture.internal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureFormatException;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureJson;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonStreamWriter;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;

/**
 * {@code proxyscope import FILE [--case ID] [--json]}: reads a capture or netstat listing; with a case, the
 * file becomes its evidence first and the analysis reads the stored, read-only copy.
 */
public final class ImportCommand implements Command {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "find proxy sessions in a pcap, pcapng, netstat or ss file";
    }

    @Override
    public String usage() {
        return """
                (FILE [--case ID] | --case ID --evidence N) [--json] [--reassembly-bytes N] %s
                  --case ID             keep FILE and the analysis as the case's evidence
                  --evidence N          analyse the case's capture evidence #N again with this version: what it
                                        finds replaces the case's sessions of it; the custody log keeps both
                  --json                print one JSON object
                  --reassembly-bytes    bytes of each TCP direction analysed, default %d""".formatted(WorkspaceArguments.USAGE,
                CaptureImporter.DEFAULT_REASSEMBLY_LIMIT);
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--case", "--evidence", "--reassembly-bytes")),
                Set.of("--json"));
        if (args.option("--evidence").isPresent()) {
            return analyseAgain(args, io);
        }
        Path file = Path.of(args.positional("FILE").get(0));
        if (!Files.isRegularFile(file)) {
            throw new UsageException(Files.isDirectory(file) ? file + " is a folder; name the capture or listing file"
                    : Files.exists(file) ? file + " is not a regular file; save the capture to a file first" : "no such file: " + file);
        }
        CaptureImporter importer = new CaptureImporter(reassemblyBytes(args.option("--reassembly-bytes")));
        CaptureReport report;
        Path keptJson = null;
        try {
            if (args.option("--case").isPresent()) {
                CaseId id = WorkspaceArguments.caseId(args.option("--case").get());
                try (Workspace ws = WorkspaceArguments.open(args)) {
                    ws.get(id);
                    CaptureEvidence.Kept kept = CaptureEvidence.keep(ws, id, file, importer, Progress.NONE);
                    report = kept.report();
                    keptJson = ws.storedFile(kept.analysis());
                }
            } else {
                report = importer.read(file, Progress.NONE);
            }
        } catch (CaptureFormatException e) {
            io.err().println("proxyscope import: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        return print(args, io, report, keptJson, file);
    }

    /** import --case ID --evidence N: the case's capture analysed again, from its stored copy. */
    private int analyseAgain(Arguments args, CommandContext io) throws Exception {
        args.positional();
        CaseId id = WorkspaceArguments.caseId(args.option("--case")
                .orElseThrow(() -> new UsageException("--evidence names a capture of a case: add --case ID")));
        int number = WorkspaceArguments.evidenceNumber(args.option("--evidence").get());
        CaptureImporter importer = new CaptureImporter(reassemblyBytes(args.option("--reassembly-bytes")));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            ws.get(id);
            CaptureEvidence.Kept kept;
            try {
                kept = CaptureEvidence.analyseAgain(ws, id, number, importer, Progress.NONE);
            } catch (CaptureFormatException e) {
                io.err().println("proxyscope import: " + e.getMessage());
                return ExitCode.FAILURE;
            }
            return print(args, io, kept.report(), ws.storedFile(kept.analysis()), Path.of(kept.capture().originalName()));
        }
    }

    /** The import's summary or JSON; exit 1 when the file was damaged, said on stderr with {@code file}'s path. */
    private static int print(Arguments args, CommandContext io, CaptureReport report, Path keptJson, Path file) throws Exception {
        boolean utf8 = io.out().charset().equals(StandardCharsets.UTF_8);
        if (args.flag("--json") && keptJson != null && utf8) {
            // the analysis the case keeps, byte for byte: written once (a dense capture's is 45 MB, 0.3 s to write)
            Files.copy(keptJson, io.out());
            io.out().println();
        } else if (args.flag("--json")) {
            // not closed: the stream is the command's standard output
            CaptureJson.writeOnTwoThreads(report, new JsonStreamWriter(io.out(), !utf8));
            io.out().println();
        } else {
            io.out().print(CaptureJson.summary(report, file.getFileName().toString()));
        }
        if (report.partial()) {
            io.err().println("proxyscope import: " + file + " is damaged; the results cover what came before: "
                    + report.problem().get());
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    /** Below a kilobyte no request line and reply fit, and every session would go unseen; above a megabyte a busy capture's flows fill the memory. */
    static final int MIN_REASSEMBLY = 1 << 10;
    static final int MAX_REASSEMBLY = 1 << 20;

    private static int reassemblyBytes(java.util.Optional<String> typed) throws UsageException {
        if (typed.isEmpty()) {
            return CaptureImporter.DEFAULT_REASSEMBLY_LIMIT;
        }
        int bytes;
        try {
            bytes = Integer.parseInt(typed.get().strip());
        } catch (NumberFormatException e) {
            bytes = -1;
        }
        if (bytes < MIN_REASSEMBLY || bytes > MAX_REASSEMBLY) {
            throw new UsageException("--reassembly-bytes takes " + MIN_REASSEMBLY + " to " + MAX_REASSEMBLY + " bytes, not " + typed.get()
                    + ": with fewer no request and reply can be recognised, with more a busy capture's flows fill the memory");
        }
        return bytes;
    }
}
