package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.internal.CommandLine;

/** The case and evidence commands against a real workspace folder and database. */
class WorkspaceCommandsTest {

    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... words) {
        List<String> args = new ArrayList<>(List.of(words));
        args.add("--workspace");
        args.add(tmp.resolve("ws").toString());
        return runAs(args);
    }

    /** Runs the words as alice, without adding --workspace. */
    private int runAs(List<String> words) {
        List<String> args = new ArrayList<>(words);
        args.add("--analyst");
        args.add("alice");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = CommandLine.withBuiltInCommands().run(args.toArray(String[]::new),
                new CommandContext(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String newCase() {
        assertEquals(ExitCode.OK, run("case", "new", "--title", "Open SOCKS proxy", "--target", "192.0.2.7", "--scope",
                "192.0.2.7:1080,3128", "--customer", "CUST-1001", "--severity", "high", "--tag", "socks"), err);
        return out.strip();
    }

    @Test
    void workspaceCopyCarriesEveryCaseAndVerifiesTheCopy() throws Exception {
        String id = newCase();
        assertEquals(ExitCode.OK, run("evidence", "add", id, Files.writeString(tmp.resolve("netstat.txt"), "LISTEN 1080").toString()), err);
        Path copy = tmp.resolve("copy");
        assertEquals(ExitCode.OK, runAs(List.of("workspace", "copy", tmp.resolve("ws").toString(), copy.toString())), err);
        assertTrue(out.startsWith("Copied 1 case, 1 evidence file, "), out);
        assertTrue(out.contains(id + ": intact, 1 evidence files and 2 custody entries"), out);
        assertEquals(1, runAs(List.of("workspace", "copy", tmp.resolve("ws").toString(), copy.toString())));
        assertTrue(err.contains("already holds cases"), err);
        assertEquals(2, runAs(List.of("workspace", "copy", tmp.resolve("ws").toString(), tmp.resolve("ws").toString())));
        assertTrue(err.contains("FROM and TO are the same workspace"), err);
        assertEquals(2, runAs(List.of("workspace", "move", "a", "b")));
        assertTrue(err.contains("unknown action 'move'"), err);
        assertEquals(1, runAs(List.of("workspace", "copy", tmp.resolve("nothing-here").toString(), tmp.resolve("x").toString())));
        assertTrue(err.contains("There is no workspace at " + tmp.resolve("nothing-here") + ": no such folder"), err);
        assertTrue(Files.notExists(tmp.resolve("x")), "nothing is made for TO when FROM is refused");
    }

    /** A mistyped workspace is refused by every command but the one that makes a first case; nothing is made there. */
    @Test
    void aWorkspaceThatIsNotThereIsNamedAndNotMade() throws Exception {
        Path typo = tmp.resolve("wokrspace");
        for (List<String> command : List.of(List.of("case", "list"), List.of("case", "show", "PX-2026-0001"),
                List.of("case", "verify", "PX-2026-0001"), List.of("evidence", "list", "PX-2026-0001"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--workspace", typo.toString()));
            assertEquals(1, runAs(args), String.join(" ", command));
            assertEquals("There is no workspace at " + typo + ": no such folder. 'proxyscope case new --workspace " + typo
                    + "' makes one.", err.strip().substring(err.indexOf(": ") + 2), String.join(" ", command));
            assertTrue(Files.notExists(typo), String.join(" ", command) + " made the folder");
        }
        Files.createDirectories(typo);
        assertEquals(1, runAs(List.of("case", "list", "--workspace", typo.toString())));
        assertTrue(err.contains(": the folder has no .proxyscope folder."), err);
        assertEquals(ExitCode.OK, runAs(List.of("case", "new", "--title", "First", "--target", "192.0.2.7", "--workspace", typo.toString())), err);
        assertEquals(ExitCode.OK, runAs(List.of("case", "list", "--workspace", typo.toString())), err);
        assertTrue(out.contains("First"), out);
    }

    /** A case is deleted by archiving it, on the command line as in the workbench: out of the lists, every record kept. */
    @Test
    void archiveTakesACaseOutOfTheListsAndRestoreBringsItBack() {
        String id = newCase();
        assertEquals(ExitCode.USAGE, run("case", "archive", id));
        assertTrue(err.contains("--reason is required"), err);
        assertEquals(ExitCode.OK, run("case", "archive", id, "--reason", "opened twice by mistake"));
        assertEquals(id + " is archived: it is out of the lists ('case list --all' shows it), and its evidence and custody log stay\n", out);
        assertEquals(ExitCode.OK, run("case", "list"));
        assertFalse(out.contains(id), out);
        assertEquals(ExitCode.OK, run("case", "list", "--all"));
        assertTrue(out.contains(id), out);
        assertEquals(ExitCode.OK, run("case", "restore", id, "--reason", "it was the right one"));
        assertEquals(ExitCode.OK, run("case", "list"));
        assertTrue(out.contains(id), out);
        assertEquals(ExitCode.OK, run("case", "show", id, "--json"));
        List<String> actions = new java.util.ArrayList<>();
        JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("custody")
                .forEach(e -> actions.add(e.getAsJsonObject().get("action").getAsString() + " " + e.getAsJsonObject().get("details").getAsString()));
        assertEquals(List.of("case-archived opened twice by mistake", "case-restored it was the right one"), actions.subList(1, 3));
        assertEquals(ExitCode.FAILURE, run("case", "archive", "PX-2001-0009", "--reason", "x"));
        assertTrue(err.contains("There is no case PX-2001-0009"), err);
    }

    @Test
    void caseNewPrintsTheIdAndShowReadsItBack() {
        String id = newCase();
        assertTrue(id.matches("PX-\\d{4}-0001"), id);
        assertEquals(ExitCode.OK, run("case", "show", id, "--json"));
        JsonObject shown = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("Open SOCKS proxy", shown.get("title").getAsString());
        assertEquals("1080,3128", shown.getAsJsonArray("scope").get(0).getAsJsonObject().get("ports").getAsString());
        assertEquals("new", shown.get("status").getAsString());
        assertEquals("case-created", shown.getAsJsonArray("custody").get(0).getAsJsonObject().get("action").getAsString());
        assertEquals(ExitCode.OK, run("case", "show", id));
        assertTrue(out.contains("Scope:     192.0.2.7:1080,3128"), out);
    }

    @Test
    void listAndSearchAsJson() {
        String id = newCase();
        run("case", "new", "--title", "SMTP relay", "--target", "mail.example.net");
        assertEquals(ExitCode.OK, run("case", "list", "--json"));
        JsonArray all = JsonParser.parseString(out).getAsJsonArray();
        assertEquals(2, all.size());
        assertEquals(ExitCode.OK, run("case", "list", "--search", "socks", "--json"));
        JsonArray found = JsonParser.parseString(out).getAsJsonArray();
        assertEquals(1, found.size());
        assertEquals(id, found.get(0).getAsJsonObject().get("id").getAsString());
    }

    @Test
    void statusChangesNeedAReasonAndFollowTheWorkflow() {
        String id = newCase();
        assertEquals(ExitCode.USAGE, run("case", "status", id, "investigating"));
        assertTrue(err.contains("--reason is required"), err);
        assertEquals(ExitCode.OK, run("case", "status", id, "investigating", "--reason", "probing"));
        assertEquals(id + " is now Investigating\n", out);
        assertEquals(ExitCode.FAILURE, run("case", "status", id, "new", "--reason", "undo"));
        assertTrue(err.startsWith("proxyscope case: " + id + " is Investigating; it can move to"), err);
        assertEquals(ExitCode.USAGE, run("case", "status", id, "finished", "--reason", "x"));
    }

    @Test
    void evidenceAddThenVerifyDetectsTampering() throws Exception {
        String id = newCase();
        assertEquals(ExitCode.OK, run("case", "verify", id));
        assertEquals(id + " is intact: 0 evidence files match their recorded SHA-256, and 1 custody entry forms an unbroken chain\n", out);
        Path file = Files.writeString(tmp.resolve("netstat.txt"), "TCP 0.0.0.0:1080 0.0.0.0:0 LISTENING\n");
        assertEquals(ExitCode.OK, run("evidence", "add", id, file.toString(), "--source", "customer PC"));
        assertTrue(out.startsWith(id + " evidence #1: "), out);
        assertEquals(ExitCode.OK, run("case", "verify", id));
        assertEquals(id + " is intact: 1 evidence file matches its recorded SHA-256, and 2 custody entries form an unbroken chain\n", out);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ws/.proxyscope/workspace.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE custody SET analyst = 'mallory' WHERE seq = 1");
        }
        assertEquals(ExitCode.FAILURE, run("case", "verify", id));
        assertTrue(err.startsWith(id + " is NOT intact (1 problem):\n") && err.contains("entry 1 (case-created"), err);
    }

    /** evidence export: a verified copy where --to says, logged with its reason; the arguments it needs are named. */
    @Test
    void evidenceExportHandsOverAVerifiedCopy() throws Exception {
        String id = newCase();
        Path file = Files.writeString(tmp.resolve("netstat.txt"), "TCP 0.0.0.0:1080 0.0.0.0:0 LISTENING\n");
        assertEquals(ExitCode.OK, run("evidence", "add", id, file.toString()));
        Path to = tmp.resolve("handed-over.txt");
        assertEquals(ExitCode.USAGE, run("evidence", "export", id, "1", "--to", to.toString()));
        assertTrue(err.contains("--reason"), err);
        assertEquals(ExitCode.USAGE, run("evidence", "export", id, "first", "--to", to.toString(), "--reason", "x"));
        assertTrue(err.contains("\"first\" is not an evidence number"), err);
        assertEquals(ExitCode.OK, run("evidence", "export", id, "#1", "--to", to.toString(), "--reason", "for the customer's IT"));
        assertTrue(out.startsWith(id + " evidence #1 exported to " + to.toAbsolutePath() + " (sha256 "), out);
        assertEquals(Files.readString(file), Files.readString(to));
        assertEquals(ExitCode.OK, run("case", "show", id, "--json"));
        JsonObject last = JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("custody").get(2).getAsJsonObject();
        assertEquals("evidence-exported", last.get("action").getAsString());
        assertEquals(ExitCode.FAILURE, run("evidence", "export", id, "1", "--to", to.toString(), "--reason", "again"));
        assertTrue(err.contains("exists; an export never replaces a file"), err);
        assertEquals(ExitCode.FAILURE, run("evidence", "export", id, "2", "--to", tmp.toString(), "--reason", "x"));
        assertTrue(err.contains(id + " has no evidence #2"), err);
    }

    @Test
    void editChangesTheCaseAndPurgeNeedsConfirmation() throws Exception {
        String id = newCase();
        assertEquals(ExitCode.OK, run("case", "edit", id, "--severity", "critical", "--scope", "192.0.2.7:1080"));
        assertEquals("", err, "the target is in the scope: nothing to warn of");
        assertEquals(ExitCode.OK, run("case", "edit", id, "--scope", "192.0.2.70:1080"));
        assertEquals("proxyscope case: The scope names none of the target's ports, so 192.0.2.7 cannot be probed. Add it if"
                + " probing it is authorised.\n", err, "a slip of the keyboard is kept, and said");
        assertEquals(ExitCode.OK, run("case", "edit", id, "--scope", "192.0.2.7:1080"));
        assertEquals(ExitCode.OK, run("case", "show", id, "--json"));
        JsonObject shown = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("critical", shown.get("severity").getAsString());
        assertEquals("Open SOCKS proxy", shown.get("title").getAsString());
        assertEquals("case-updated", shown.getAsJsonArray("custody").get(1).getAsJsonObject().get("action").getAsString());
        Path file = Files.writeString(tmp.resolve("mail.eml"), "unrelated");
        run("evidence", "add", id, file.toString());
        assertEquals(ExitCode.USAGE, run("evidence", "purge", id, "1", "--reason", "unrelated mail"));
        assertTrue(err.contains("add --confirm"), err);
        assertEquals(ExitCode.OK, run("evidence", "purge", id, "1", "--reason", "unrelated mail", "--confirm"));
        assertEquals(ExitCode.OK, run("evidence", "list", id, "--json"));
        JsonObject purged = JsonParser.parseString(out).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("unrelated mail", purged.get("purge_reason").getAsString());
        assertTrue(!purged.get("purged").isJsonNull());
        assertEquals(ExitCode.OK, run("case", "verify", id));
    }

    @Test
    void badInputIsAUsageErrorOrAFailureWithItsReason() {
        assertEquals(ExitCode.USAGE, run("case", "new", "--title", "x", "--target", "300.1.1.1"));
        assertTrue(err.contains("\"300.1.1.1\" is not a valid IPv4 address or host name"), err);
        assertEquals(ExitCode.USAGE, run("case", "new", "--title", "x", "--target", "192.0.2.1", "--scope", "192.0.2.1:70000"));
        assertEquals(ExitCode.USAGE, run("case", "show", "42"));
        assertEquals(ExitCode.USAGE, run("case", "list", "--colour"));
        String id = newCase();
        assertEquals(ExitCode.FAILURE, run("case", "show", "PX-2001-0009"));
        assertTrue(err.contains("There is no case PX-2001-0009"), err);
        assertEquals(ExitCode.FAILURE, run("evidence", "add", id, tmp.resolve("missing.pcap").toString()));
        assertTrue(err.contains("There is no file"), err);
    }
}
