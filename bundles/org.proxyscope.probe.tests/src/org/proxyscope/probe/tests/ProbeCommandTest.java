package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.UsageException;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.probe.internal.cli.ProbeCommand;

/** {@code proxyscope probe} on a case, against the open microsocks started by releng/services/proxies.sh. */
class ProbeCommandTest {

    @TempDir
    Path tmp;

    private String run(String... words) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", "alice"));
        new ProbeCommand().run(args, new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void probingNeedsACaseOrAnExplicitAuthorisation() {
        UsageException e = assertThrows(UsageException.class, () -> run("127.0.0.1", "--ports", "1080"));
        assertEquals("probing needs authorisation: give --case ID (its scope applies) or --authorised", e.getMessage());
    }

    @Test
    void canaryOptionsThatContradictEachOtherAreRefusedBeforeAnythingIsSent() {
        UsageException noText = assertThrows(UsageException.class, () -> run("127.0.0.1", "--authorised", "--ports", "1",
                "--canary-url", "http://127.0.0.1:9/c.txt"));
        assertEquals("the external canary URL needs the text it returns, to recognise it when it comes back", noText.getMessage());
        UsageException both = assertThrows(UsageException.class, () -> run("127.0.0.1", "--authorised", "--ports", "1",
                "--canary-url", "http://127.0.0.1:9/c.txt", "--canary-text", "x", "--canary-domain", "canary.test"));
        assertTrue(both.getMessage().startsWith("the external canary URL replaces Proxyscope's own listeners"), both.getMessage());
        UsageException smtpAlone = assertThrows(UsageException.class, () -> run("127.0.0.1", "--authorised", "--ports", "1",
                "--canary-smtp-listen", "127.0.0.1:2525"));
        assertTrue(smtpAlone.getMessage().startsWith("the SMTP canary address needs a canary mail domain"), smtpAlone.getMessage());
        UsageException ftpUrl = assertThrows(UsageException.class, () -> run("127.0.0.1", "--authorised", "--ports", "1",
                "--canary-url", "ftp://127.0.0.1/c.txt", "--canary-text", "x"));
        assertTrue(ftpUrl.getMessage().contains("plain http:// URL"), ftpUrl.getMessage());
        UsageException noPort = assertThrows(UsageException.class, () -> run("127.0.0.1", "--authorised", "--ports", "1",
                "--canary-listen", "127.0.0.1:99999"));
        assertTrue(noPort.getMessage().startsWith("write the canary address as ADDR:PORT"), noPort.getMessage());
        for (String timeout : List.of("0", "-5", "600001", "99999999999999999999", "3s")) {
            UsageException bad = assertThrows(UsageException.class, () -> run("127.0.0.1", "--authorised", "--ports", "1",
                    "--timeout-ms", timeout));
            assertEquals("--timeout-ms takes milliseconds from 1 to 600000, not " + timeout, bad.getMessage());
        }
    }

    /** The whole chain an analyst uses: the CLI's canary options, the real exim relay, the SMTP canary, JSON. */
    @Test
    void anOpenMailRelayIsReportedOpenInJson() throws Exception {
        String relay = System.getenv("PROXYSCOPE_TEST_RELAY_OPEN");
        String smtpCanary = System.getenv("PROXYSCOPE_TEST_SMTP_CANARY");
        assumeTrue(relay != null && smtpCanary != null, "the real servers are not running (releng/services/proxies.sh)");
        String port = relay.substring(relay.lastIndexOf(':') + 1);
        String out = run("127.0.0.1", "--authorised", "--ports", port, "--protocols", "smtp-relay", "--canary-listen", "127.0.0.1:0",
                "--canary-domain", "canary.test", "--canary-smtp-listen", smtpCanary, "--json");
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(out).getAsJsonObject();
        assertEquals("open-proxy", json.get("verdict").getAsString(), out);
        com.google.gson.JsonObject finding = json.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("smtp-relay", finding.get("protocol").getAsString());
        assertEquals("open", finding.get("verdict").getAsString());
        assertTrue(finding.get("canary_verified").getAsBoolean());
        Path transcript = Path.of(finding.get("transcript").getAsString());
        try {
            assertTrue(Files.readString(transcript).contains("RCPT TO:<pxc-"), out);
        } finally {
            // an ad-hoc run leaves its transcripts for the analyst; this test's need not stay
            try (java.util.stream.Stream<Path> files = Files.list(transcript.getParent())) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(transcript.getParent());
        }
    }

    @Test
    void aCaseRunKeepsTranscriptsAsEvidenceAndLogsTheRun() throws Exception {
        String socks = System.getenv("PROXYSCOPE_TEST_SOCKS_OPEN");
        assumeTrue(socks != null, "the real proxies are not running (releng/services/proxies.sh)");
        String port = socks.substring(socks.lastIndexOf(':') + 1);
        Case c;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            c = ws.createCase(NewCase.of("SOCKS on customer line", "127.0.0.1", "127.0.0.1:" + port, "", "high", List.of()));
        }
        UsageException outside = assertThrows(UsageException.class,
                () -> run("127.0.0.1", "--case", c.id().toString(), "--ports", port + ",3128"));
        assertTrue(outside.getMessage().contains("port 3128 lies outside the authorised scope"), outside.getMessage());
        UsageException otherHost = assertThrows(UsageException.class, () -> run("127.0.0.2", "--case", c.id().toString(), "--ports", port));
        assertTrue(otherHost.getMessage().startsWith("Not probing 127.0.0.2: the host lies outside the authorised scope (127.0.0.1:" + port
                + ")"), otherHost.getMessage());
        String out = run("127.0.0.1", "--case", c.id().toString(), "--ports", port, "--protocols", "socks5", "--json");
        assertTrue(out.contains("\"verdict\": \"open-proxy\""), out);
        assertTrue(out.contains("\"transcript\": \"" + c.id() + " evidence #1\""), out);
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            assertEquals(1, ws.evidence(c.id()).size());
            String transcript = Files.readString(ws.storedFile(ws.evidence(c.id()).get(0)));
            assertTrue(transcript.startsWith("Proxyscope probe transcript: socks5 on 127.0.0.1 port " + port), transcript);
            assertTrue(transcript.contains("> \\x05\\x02\\x00\\x02"), transcript);
            assertEquals(CustodyAction.PROBE_RUN, ws.custody(c.id()).get(ws.custody(c.id()).size() - 1).action());
            assertTrue(ws.verify(c.id(), org.proxyscope.core.Progress.NONE).intact());
        }
    }
}
