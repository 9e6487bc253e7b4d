package org.proxyscope.notes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.notes.internal.cli.SearchCommand;

/** {@code proxyscope search} against a real workspace: what it finds, where it says it is, and a query it cannot read. */
class SearchCommandTest {

    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", "alice"));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new SearchCommand().run(args, new CommandContext(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void aCustomerIsFoundInTheCaseAndItsEvidenceAndABadQueryIsSaid() throws Exception {
        Case c;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080,3128", "CUST-1001", "high", List.of("socks")));
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat-CUST-1001.txt"), "tcp 0.0.0.0:1080 LISTEN"),
                    "customer PC of CUST-1001", Progress.NONE);
        }
        assertEquals(ExitCode.OK, run("CUST-1001", "--json"), err);
        JsonArray hits = JsonParser.parseString(out).getAsJsonArray();
        List<String> kinds = new ArrayList<>();
        hits.forEach(h -> kinds.add(h.getAsJsonObject().get("kind").getAsString()));
        assertEquals(List.of("case", "evidence"), kinds.stream().sorted().toList(), "the case (its customer) and the evidence (its source)");
        JsonObject evidence = hits.get(kinds.indexOf("evidence")).getAsJsonObject();
        assertEquals(c.id().toString(), evidence.get("case").getAsString());
        assertEquals("1", evidence.get("ref").getAsString());
        assertTrue(evidence.get("snippet").getAsString().contains("«CUST-1001»"), out);
        assertEquals(ExitCode.OK, run("nothingmatches"));
        assertEquals("", out);
        assertEquals("nothing found for nothingmatches\n", err);
        org.proxyscope.core.WorkspaceException bad = assertThrows(org.proxyscope.core.WorkspaceException.class, () -> run("\"unbalanced"));
        assertTrue(bad.getMessage().startsWith("Cannot search for \"unbalanced: the quote at character 1 is not closed"), bad.getMessage());
        assertThrows(UsageException.class, () -> run("x", "--limit", "0"));
    }

    /** A capture's result names many sessions of one proxy; the command names the session of the address searched for. */
    @Test
    void aCapturesResultIsPlacedAtTheSessionOfTheAddressSearchedFor() throws Exception {
        Path capture = tmp.resolve("dense.pcap");
        Process maker = new ProcessBuilder("python3", Path.of("../../releng/bench/make-capture.py").toAbsolutePath().toString(), "4",
                capture.toString(), "--dense").inheritIO().start();
        assertEquals(0, maker.waitFor());
        Case c;
        KeptCapture.Session session;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            c = ws.createCase(NewCase.of("Relaying PC", "192.0.2.7", "192.0.2.7", "", "high", List.of()));
            CaptureEvidence.keep(ws, c.id(), capture, new CaptureImporter(), Progress.NONE);
            session = org.proxyscope.capture.CaptureRecords.of(ws).list(c.id()).get(0).sessions().stream()
                    .filter(s -> s.clientHost().equals("10.0.0.57")).findFirst().orElseThrow();
        }
        assertEquals(ExitCode.OK, run("10.0.0.57"), err);
        assertTrue(out.startsWith(c.id() + "  session 1/" + session.flow() + "  " + session.protocol() + " via " + session.proxyHost() + ":"
                + session.proxyPort() + ", established: "), out);
        assertTrue(out.contains("«10.0.0.57»"), out);

        // the proxy took part in every session of each result: each opens at its own first session
        List<String> entries;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            entries = ws.searchEverything("192.0.2.7", Optional.empty(), 50).stream().filter(h -> h.kind().equals("session"))
                    .map(h -> "session " + h.ref()).toList();
        }
        assertEquals(ExitCode.OK, run("192.0.2.7", "--json"), err);
        assertTrue(entries.size() > 1, out);
        assertEquals(entries, refs(out).stream().filter(r -> r.startsWith("session ")).toList());
    }

    /** A listed socket's result names the client or mail server searched for, which the workbench opens at its connection. */
    @Test
    void aListedSocketsResultIsPlacedAtTheAddressSearchedFor() throws Exception {
        Path listing = Files.writeString(tmp.resolve("netstat-ano.txt"), """
                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:1080           0.0.0.0:0              LISTENING       3120
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                  TCP    192.168.1.5:49712      198.51.100.25:25       ESTABLISHED     3120
                  TCP    192.168.1.5:8080       203.0.113.9:51235      ESTABLISHED     3120
                """);
        Case c;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            c = ws.createCase(NewCase.of("Customer's listing", "192.168.1.5", "", "", "high", List.of()));
            CaptureEvidence.keep(ws, c.id(), listing, new CaptureImporter(), Progress.NONE);
        }
        assertEquals(ExitCode.OK, run("203.0.113.9", "--json"), err);
        assertEquals(List.of("socket 1/2@203.0.113.9"), refs(out));
        assertEquals(ExitCode.OK, run("198.51.100.25", "--json"), err);
        assertEquals(List.of("socket 1/1@198.51.100.25", "socket 1/2@198.51.100.25"), refs(out).stream().sorted().toList());
        assertEquals(ExitCode.OK, run("3120", "--json"), err);
        assertEquals(List.of("socket 1/1", "socket 1/2"), refs(out).stream().sorted().toList(), "no address searched for");
        assertEquals(ExitCode.OK, run("203.0.113.9"), err);
        assertTrue(out.startsWith(c.id() + "  socket 1/2@203.0.113.9  0.0.0.0:8080 listening, PID 3120"), out);
    }

    private static List<String> refs(String json) {
        List<String> refs = new ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(h -> refs.add(h.getAsJsonObject().get("kind").getAsString() + " "
                + h.getAsJsonObject().get("ref").getAsString()));
        return refs;
    }
}
