package org.proxyscope.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.core.NetworkThreads;
import org.proxyscope.core.TempPaths;

/**
 * The launcher runs this once per installation, in the background, to record what the everyday commands
 * load and run (Java's AOT cache; a class-data archive before Java 24). Every later command starts from
 * that record instead of reading, verifying and interpreting its classes afresh. A record of whatever
 * command happened to come first would miss the others, so this runs each of them on a throw-away
 * workspace, with a made-up capture to import ({@link TrainingCapture}). The probe goes to a loopback
 * listener of its own that refuses like a closed HTTP proxy: nothing leaves this machine.
 */
public final class ArchiveTraining {

    /** About 9 MB of capture: enough packets for the importer's hot code to show in the record. */
    static final int CAPTURE_CONNECTIONS = 800;

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty(NetworkThreads.PLATFORM, "true"); // as Main: the commands run as they will later
        Path dir = TempPaths.folder("proxyscope-training-");
        List<String> failed;
        try {
            failed = run(CommandLine.withBuiltInCommands(), dir);
        } finally {
            delete(dir);
        }
        // only now: System.exit does not return, so a finally block around it would never run
        failed.forEach(line -> System.err.println("training command failed: " + line));
        System.exit(failed.isEmpty() ? ExitCode.OK : ExitCode.FAILURE);
    }

    /** Runs the installed commands' everyday uses in {@code dir}; returns the command lines that failed. */
    public static List<String> run(CommandLine commandLine, Path dir) throws IOException {
        Training training = new Training(commandLine);
        training.run("--version");
        training.run("--help");
        commandLine.commandNames().forEach(name -> training.run("help", name));
        if (!commandLine.commandNames().contains("case")) {
            return training.failed;
        }
        String workspace = dir.resolve("workspace").toString();
        try (ServerSocket closedProxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            refuseEveryRequest(closedProxy);
            String host = closedProxy.getInetAddress().getHostAddress();
            String port = Integer.toString(closedProxy.getLocalPort());
            String caseId = training.run("case", "new", "--title", "Training", "--target", host,
                    "--scope", host + ":" + port, "--workspace", workspace).strip();
            training.run("case", "list", "--json", "--workspace", workspace);
            training.run("case", "show", caseId, "--json", "--workspace", workspace);
            if (commandLine.commandNames().contains("evidence")) {
                Path note = Files.writeString(dir.resolve("note.txt"), "training\n");
                training.run("evidence", "add", caseId, note.toString(), "--workspace", workspace);
                training.run("evidence", "list", caseId, "--json", "--workspace", workspace);
            }
            if (commandLine.commandNames().contains("import")) {
                Path netstat = Files.writeString(dir.resolve("netstat.txt"), """
                        Proto Recv-Q Send-Q Local Address           Foreign Address         State
                        tcp        0      0 0.0.0.0:1080            0.0.0.0:*               LISTEN
                        """);
                training.run("import", netstat.toString(), "--case", caseId, "--json", "--workspace", workspace);
                Path capture = dir.resolve("training.pcap");
                TrainingCapture.write(capture, CAPTURE_CONNECTIONS);
                training.run("import", capture.toString(), "--case", caseId, "--json", "--workspace", workspace);
                // ad hoc, the import hashes from its own reads; in a case it reads the stored copy, hashed as it was kept
                training.run("import", capture.toString(), "--json");
            }
            if (commandLine.commandNames().contains("probe")) {
                String[] probe = { "probe", host, "--ports", port, "--canary-listen", host + ":0", "--canary-smtp-listen",
                        host + ":0", "--canary-domain", "training.invalid", "--timeout-ms", "2000", "--json" };
                training.run(with(probe, "--case", caseId, "--workspace", workspace));
                // ad-hoc work takes paths of its own (scope from the command line, transcripts to a folder)
                deleteTranscriptFolders(training.run(with(probe, "--authorised")));
            }
            // Not the report: with AOT class linking every class the archive holds is loaded at each start, and
            // OpenPDF's and the sections' 500 classes made every command (--version too) 17 ms slower, while
            // trained they saved the report 70 ms of its 0.45 s.
            training.run("case", "verify", caseId, "--workspace", workspace);
        }
        return training.failed;
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** An ad-hoc probe leaves its transcripts in a temporary folder of its own; the training leaves nothing. */
    private static void deleteTranscriptFolders(String probeJson) throws IOException {
        if (probeJson.isBlank()) {
            return;
        }
        Set<Path> folders = new HashSet<>();
        for (JsonElement finding : JsonParser.parseString(probeJson).getAsJsonObject().getAsJsonArray("findings")) {
            JsonElement transcript = finding.getAsJsonObject().get("transcript");
            if (transcript != null && transcript.isJsonPrimitive()) {
                Path folder = Path.of(transcript.getAsString()).getParent();
                // the probe bundle's ProbeEvidence.TRANSCRIPTS, which this bundle does not depend on
                if (folder != null && folder.getFileName().toString().startsWith("proxyscope-probe-")) {
                    folders.add(folder);
                }
            }
        }
        for (Path folder : folders) {
            delete(folder);
        }
    }

    /** Answers every connection as a proxy that forbids everything, so each probe ends at once. */
    private static void refuseEveryRequest(ServerSocket server) {
        Thread.ofPlatform().daemon().name("training proxy").start(() -> {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    connection.getOutputStream().write(
                            "HTTP/1.0 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed at the end of training, or a probe hung up first: either way, next connection
                }
            }
        });
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            deepestFirst.forEach(path -> path.toFile().setWritable(true)); // evidence is stored read-only
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static final class Training {
        private final CommandLine commandLine;
        private final List<String> failed = new ArrayList<>();
        private final PrintStream discard = new PrintStream(OutputStream.nullOutputStream());

        Training(CommandLine commandLine) {
            this.commandLine = commandLine;
        }

        /** Runs one command line; returns what it printed. */
        String run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = commandLine.run(args, new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8), discard));
            if (status != ExitCode.OK) {
                failed.add(String.join(" ", args) + " (exit " + status + ")");
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
