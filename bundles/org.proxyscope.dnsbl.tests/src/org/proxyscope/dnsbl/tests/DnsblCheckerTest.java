package org.proxyscope.dnsbl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.dnsbl.DnsblAnswer;
import org.proxyscope.dnsbl.DnsblAnswer.Outcome;
import org.proxyscope.dnsbl.DnsblChecker;
import org.proxyscope.dnsbl.DnsblException;
import org.proxyscope.dnsbl.DnsblList;
import org.proxyscope.dnsbl.DnsblReport;
import org.proxyscope.dnsbl.DnsblSettings;

/**
 * The checker against a real bind9 on loopback (releng/services/dns.sh): listed, not listed, refused, silent.
 * Every query goes to that server only; it is the root of its own DNS and asks no one else.
 */
class DnsblCheckerTest {

    @TempDir
    Path tmp;

    /** The test server's lists, asked through it with a short timeout. */
    static DnsblSettings testLists(String zones) {
        String dns = System.getenv("PROXYSCOPE_TEST_DNS");
        assumeTrue(dns != null, "releng/test.sh starts the test DNS server");
        return new DnsblSettings(DnsblSettings.lists(zones), Optional.of(DnsblSettings.resolver(dns)), Duration.ofMillis(700));
    }

    private static DnsblAnswer answer(DnsblReport report, String zone) {
        return report.answers().stream().filter(a -> a.list().zone().equals(zone)).findFirst().orElseThrow();
    }

    @Test
    void eachListsAnswerIsReadWithItsCodesMeaningsAndReason() throws Exception {
        DnsblReport report = new DnsblChecker(testLists("bl.test dnsbl.dronebl.org zen.spamhaus.org empty.test slow.test"))
                .check("192.0.2.7");
        assertEquals("192.0.2.7", report.address());
        assertEquals(System.getenv("PROXYSCOPE_TEST_DNS"), report.resolver());

        DnsblAnswer unknownList = answer(report, "bl.test");
        assertEquals(Outcome.LISTED, unknownList.outcome());
        assertEquals(List.of("127.0.0.2", "127.0.0.4"), unknownList.codes().stream().map(DnsblAnswer.Code::address).sorted().toList());
        assertEquals("Listed: open proxy seen relaying spam, see https://bl.test/query/192.0.2.7", unknownList.reason());

        DnsblAnswer drone = answer(report, "dnsbl.dronebl.org");
        assertEquals(Outcome.LISTED, drone.outcome());
        assertEquals("DroneBL", drone.list().name());
        assertEquals(List.of("an open SOCKS proxy", "an open HTTP proxy"),
                drone.codes().stream().sorted((a, b) -> a.address().compareTo(b.address())).map(DnsblAnswer.Code::meaning).toList());
        assertEquals("SOCKS and HTTP proxy, ID 4711", drone.reason());

        DnsblAnswer spamhaus = answer(report, "zen.spamhaus.org");
        assertEquals(Outcome.REFUSED, spamhaus.outcome(), "127.255.255.254 is a refusal, not a listing");
        assertEquals("no listing, the list refused the query: 127.255.255.254 (refused: queries through public or open"
                + " resolvers are not answered)", spamhaus.detail());

        assertEquals(Outcome.NOT_LISTED, answer(report, "empty.test").outcome());
        DnsblAnswer slow = answer(report, "slow.test");
        assertEquals(Outcome.NO_ANSWER, slow.outcome());
        assertEquals("no answer within 700 ms", slow.detail());
        assertTrue(answer(report, "bl.test").took().toMillis() < 700, "the lists are asked at once: one silent list delays no other");

        assertEquals(2, report.listed().size());
        assertEquals("192.0.2.7 is listed on 2 of 5 DNS blocklists (bl.test, DroneBL); 2 gave no usable answer", report.summary());
    }

    @Test
    void theTestEntryEveryListCarriesIsListedAndOtherAddressesAreNot() throws Exception {
        DnsblChecker checker = new DnsblChecker(testLists("bl.test"));
        assertEquals(Outcome.LISTED, checker.check("127.0.0.2").answers().get(0).outcome());
        assertEquals(Outcome.NOT_LISTED, checker.check("192.0.2.8").answers().get(0).outcome());
        assertEquals(Outcome.NOT_LISTED, checker.check("2001:db8::7").answers().get(0).outcome(), "IPv6 is asked by its nibbles");
    }

    @Test
    void aResolverThatIsNotThereIsSaidPerList() throws Exception {
        DnsblSettings nowhere = new DnsblSettings(DnsblSettings.lists("bl.test"), Optional.of(DnsblSettings.resolver("127.0.0.1:9")),
                Duration.ofMillis(300));
        DnsblAnswer a = new DnsblChecker(nowhere).check("192.0.2.7").answers().get(0);
        assertTrue(a.outcome() == Outcome.NO_ANSWER || a.outcome() == Outcome.FAILED, a.toString());
        // on loopback the refusal comes back at once (ICMP port unreachable); it is said in words, not as an exception's name
        assertEquals(a.outcome() == Outcome.FAILED ? "the resolver refused: nothing answers DNS at its address and port"
                : "no answer within 300 ms", a.detail());
    }

    @Test
    void namesAndNonsenseAreRefusedBeforeAnythingIsSent() {
        DnsblChecker checker = new DnsblChecker(DnsblSettings.DEFAULT);
        assertEquals("DNS blocklists list addresses, and mail.example.net is a host name: check its address",
                assertThrows(DnsblException.class, () -> checker.check("mail.example.net")).getMessage());
        assertThrows(DnsblException.class, () -> checker.check("300.1.1.1"));
        assertEquals("\"bl test\" is not a DNS zone such as zen.spamhaus.org",
                assertThrows(IllegalArgumentException.class, () -> DnsblList.of("bl test")).getMessage());
        assertEquals("\"resolver.example\" is a name; give the resolver's address, such as 192.0.2.53",
                assertThrows(IllegalArgumentException.class, () -> DnsblSettings.resolver("resolver.example")).getMessage());
        assertEquals("\"127.0.0.1:0\": the resolver's port must be 1 to 65535",
                assertThrows(IllegalArgumentException.class, () -> DnsblSettings.resolver("127.0.0.1:0")).getMessage());
    }

    @Test
    void knownListsCarryTheirMeaningsAndTheDefaultsAreTheCommonOnes() {
        assertEquals("Spamhaus ZEN", DnsblList.of("ZEN.spamhaus.org.").name());
        assertEquals(Optional.of("XBL: an exploited host (open proxy, trojan, botnet)"), DnsblList.of("zen.spamhaus.org").meaning(4));
        assertEquals(Optional.of("an open WinGate proxy"), DnsblList.of("dnsbl.dronebl.org").meaning(14));
        assertTrue(DnsblList.defaults().stream().map(DnsblList::zone).toList().containsAll(List.of("zen.spamhaus.org",
                "bl.spamcop.net", "dnsbl.dronebl.org")));
        assertEquals(Map.of(), DnsblList.of("bl.test").meanings());
    }

    @Test
    void settingsAreKeptInTheWorkspaceWholeAndReadBack() throws Exception {
        assertEquals(DnsblSettings.DEFAULT, DnsblSettings.read(tmp), "a workspace without settings has the defaults");
        DnsblSettings mine = new DnsblSettings(DnsblSettings.lists("bl.test, dnsbl.dronebl.org\nbl.test"),
                Optional.of(DnsblSettings.resolver("[::1]:5353")), Duration.ofMillis(1500));
        assertEquals(2, mine.lists().size(), "a zone named twice is asked once");
        mine.write(tmp);
        assertEquals(mine, DnsblSettings.read(tmp));
        assertEquals("[::1]:5353", DnsblSettings.format(mine.resolver().get()));
        java.nio.file.Files.writeString(DnsblSettings.folder(tmp).resolve("dnsbl.properties"), "lists=bl.test\ntimeout.ms=soon\n");
        DnsblException bad = assertThrows(DnsblException.class, () -> DnsblSettings.read(tmp));
        assertTrue(bad.getMessage().endsWith("dnsbl.properties: timeout.ms must be a number of milliseconds, not \"soon\""),
                bad.getMessage());
    }
}
