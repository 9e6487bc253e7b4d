package org.proxyscope.dnsbl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.UsageException;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.dnsbl.DnsblChecks;
import org.proxyscope.dnsbl.internal.cli.DnsblCommand;

/** {@code proxyscope dnsbl} on a case and on an address, against the test DNS server of releng/services/dns.sh. */
class DnsblCommandTest {

    @TempDir
    Path tmp;

    private int status;

    private String run(String... words) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", "alice"));
        status = new DnsblCommand().run(args, new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String dns() {
        String dns = System.getenv("PROXYSCOPE_TEST_DNS");
        assumeTrue(dns != null, "releng/test.sh starts the test DNS server");
        return dns;
    }

    @Test
    void aCaseKeepsEveryListsAnswerWithACustodyEntryAndASearchEntry() throws Exception {
        String dns = dns();
        Case c;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            c = ws.createCase(NewCase.of("SOCKS on the line", "192.0.2.7", "", "KUNDE-4711", "high", List.of()));
        }
        JsonObject json = JsonParser.parseString(run(c.id().toString().toLowerCase(), "--lists", "bl.test,dnsbl.dronebl.org,empty.test",
                "--resolver", dns, "--timeout-ms", "700", "--json")).getAsJsonObject();
        assertEquals(0, status);
        assertEquals("192.0.2.7", json.get("address").getAsString(), "the case's target is checked");
        assertEquals(1, json.get("check").getAsInt());
        assertEquals(2, json.get("listed").getAsInt());
        JsonObject drone = json.getAsJsonArray("lists").get(1).getAsJsonObject();
        assertEquals("listed", drone.get("outcome").getAsString());
        assertEquals("SOCKS and HTTP proxy, ID 4711", drone.get("reason").getAsString());

        String text = run(c.id().toString(), "--lists", "empty.test", "--resolver", dns);
        assertTrue(text.startsWith("192.0.2.7 is listed on none of 1 DNS blocklists, asked through " + dns), text);
        assertTrue(text.contains("Kept as DNSBL check 2 of " + c.id() + "."), text);

        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "bob")) {
            List<DnsblChecks.Check> kept = DnsblChecks.of(ws).of(c.id());
            assertEquals(2, kept.size());
            assertEquals("alice", kept.get(0).analyst());
            assertEquals(List.of("127.0.0.8", "127.0.0.9"), kept.get(0).report().answers().get(1).codes().stream()
                    .map(x -> x.address()).sorted().toList());
            assertEquals("an open SOCKS proxy", kept.get(0).report().answers().get(1).codes().stream()
                    .filter(x -> x.address().equals("127.0.0.8")).findFirst().orElseThrow().meaning(), "meanings come back with the codes");
            List<CustodyEntry> custody = ws.custody(c.id());
            CustodyEntry first = custody.get(custody.size() - 2);
            assertEquals(CustodyAction.CHECK_RUN, first.action());
            assertEquals("DNSBL check 1 through " + dns + ": 192.0.2.7 is listed on 2 of 3 DNS blocklists (bl.test, DroneBL)",
                    first.details());
            assertEquals(1, ws.searchEverything("dronebl", java.util.Optional.of(c.id()), 10).size(), "the check is found by search");
            assertTrue(ws.verify(c.id(), org.proxyscope.core.Progress.NONE).intact());
        }
    }

    @Test
    void anAddressIsCheckedWithoutACaseAndNoAnswerAtAllFails() throws Exception {
        String dns = dns();
        String text = run("127.0.0.2", "--lists", "bl.test,slow.test", "--resolver", dns, "--timeout-ms", "500");
        assertEquals(0, status);
        assertTrue(text.contains("listed      bl.test"), text);
        assertTrue(text.contains("no-answer   slow.test                     no answer within 500 ms"), text);
        assertTrue(!text.contains("Kept as"), text);
        run("127.0.0.2", "--lists", "slow.test", "--resolver", dns, "--timeout-ms", "300");
        assertEquals(1, status, "no list answered: the check failed");
    }

    @Test
    void wrongArgumentsAreUsageErrors() {
        assertEquals("--timeout-ms must be a number of milliseconds, not soon",
                assertThrows(UsageException.class, () -> run("127.0.0.2", "--timeout-ms", "soon")).getMessage());
        assertEquals("\"bl..test\" is not a DNS zone such as zen.spamhaus.org",
                assertThrows(UsageException.class, () -> run("127.0.0.2", "--lists", "bl..test")).getMessage());
        assertEquals("\"PX-26-1\" is not a case id; case ids look like PX-2026-0001",
                assertThrows(UsageException.class, () -> run("PX-26-1")).getMessage());
        assertEquals("missing ID|ADDRESS", assertThrows(UsageException.class, () -> run()).getMessage());
    }
}
