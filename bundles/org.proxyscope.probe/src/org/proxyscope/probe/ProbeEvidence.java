package org.proxyscope.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;

/**
 * Keeps what a probe run saw: each finding's transcript as a file (text and hex), and, for a case, those files
 * as its evidence with the run in its custody log. The command line and the Probing perspective both use it.
 */
public final class ProbeEvidence {

    /** How the temporary folders that transcripts are written to begin their names. */
    public static final String TRANSCRIPTS = "proxyscope-probe-";

    private ProbeEvidence() {
    }

    /**
     * A folder that takes each finding's transcript as the finding arrives, on the probe's thread: the files
     * of a run are then written while its slowest probes still wait, not all at its end.
     */
    public static final class TranscriptFolder {

        private final Path folder;
        private final String host;
        private final String stamp = stamp();
        private final Map<Finding, Path> written = new ConcurrentHashMap<>();

        public TranscriptFolder(Path folder, String host) {
            this.folder = folder;
            this.host = host;
        }

        /** Writes the finding's transcript, if it has one; a failure is left for {@link #files} to retry and report. */
        public void write(Finding f) {
            try {
                writeOnce(f);
            } catch (IOException e) {
                // files() writes it again and throws if it still fails
            }
        }

        /** Every transcript of the report, in its order, written now where {@link #write} did not. */
        public Map<Finding, Path> files(ProbeReport report) throws IOException {
            Map<Finding, Path> files = new LinkedHashMap<>();
            for (Finding f : report.findings()) {
                Path file = writeOnce(f);
                if (file != null) {
                    files.put(f, file);
                }
            }
            return files;
        }

        private Path writeOnce(Finding f) throws IOException {
            if (!hasTranscript(f)) {
                return null;
            }
            Path file = written.get(f);
            if (file == null) {
                file = folder.resolve(fileName(host, f, stamp));
                Files.writeString(file, render(host, f), StandardCharsets.UTF_8);
                written.put(f, file);
            }
            return file;
        }
    }

    /** Whether the finding exchanged bytes, and so has a transcript to keep. */
    private static boolean hasTranscript(Finding f) {
        return !f.transcript().segments().isEmpty();
    }

    /** The time a run's transcripts are named by, as a file name may hold it. */
    private static String stamp() {
        return Instant.now().toString().replace(':', '-');
    }

    /** What a finding's transcript is called: host, port, protocol and the run's time. */
    private static String fileName(String host, Finding f, String stamp) {
        return host.replace(':', '_') + "-" + f.port() + "-" + f.protocol() + "-" + stamp + ".txt";
    }

    /** A transcript file's content: what was probed, the verdict, then the exchange as text and as hex. */
    public static String render(String host, Finding f) {
        return "Proxyscope probe transcript: " + f.protocol() + " on " + host + " port " + f.port() + "\nVerdict: "
                + f.verdict().word() + " (" + f.detail() + ")\n\n" + f.transcript().text() + "\nHex:\n" + f.transcript().hex();
    }

    /**
     * Adds each transcript to the case as evidence, then keeps the run with its findings in the case
     * ({@link ProbeRuns}) and records it in the custody log.
     *
     * @param canary where the canary listened, in words ({@link Canary#describe()})
     * @return the run as the case now keeps it, each finding naming its transcript's evidence
     */
    public static ProbeRun keep(Workspace workspace, CaseId id, ProbeReport report, String canary)
            throws WorkspaceException {
        ProbeRuns runs = ProbeRuns.of(workspace);
        String stamp = stamp();
        Map<Finding, Integer> numbers = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (hasTranscript(f)) {
                // written straight into the evidence store: no temporary file is named as where it came from
                Evidence kept;
                try {
                    kept = workspace.addEvidence(id, fileName(report.host(), f, stamp), "probe transcript, " + f.protocol()
                            + " on port " + f.port(), out -> out.write(render(report.host(), f).getBytes(StandardCharsets.UTF_8)));
                } catch (WorkspaceException e) {
                    // what was kept before stays evidence, with its custody entries: say so, not only what failed
                    throw new WorkspaceException(e.getMessage() + " The probe run is not kept" + (numbers.isEmpty() ? "."
                            : "; the " + numbers.size() + " transcripts written before it stay the case's evidence."), e);
                }
                numbers.put(f, kept.number());
            }
        }
        return runs.record(id, report, canary, numbers);
    }
}
