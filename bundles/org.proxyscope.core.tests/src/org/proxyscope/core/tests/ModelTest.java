package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.model.Scope;
import org.proxyscope.core.model.Severity;

class ModelTest {

    @Test
    void hostsAreValidatedAndNormalised() {
        assertEquals("192.0.2.7", Host.parse(" 192.0.2.7 ").name());
        assertEquals("mail.example.net", Host.parse("Mail.Example.NET.").name());
        assertEquals("2001:db8::7", Host.parse("[2001:0DB8:0:0:0:0:0:7]").name());
        assertEquals("::1", Host.parse("::1").name());
        assertEquals("192.0.2.7", Host.parse("::ffff:192.0.2.7").name(), "an IPv4-mapped address is the IPv4 host");
        assertEquals("192.0.2.7", Host.parse("[::FFFF:c000:207]").name());
        assertFalse(Host.parse("::ffff:192.0.2.7").isIpv6());
        assertEquals("::fffe:c000:207", Host.parse("::fffe:192.0.2.7").name(), "only the mapped prefix is IPv4");
        assertEquals("[2001:db8::7]", Host.parse("2001:db8::7").withPortSyntax());
        for (String bad : List.of("", "256.1.1.1", "1.2.3", "exa mple.net", "-bad.example", "2001:db8::1::2", "fe80::1%eth0",
                "a".repeat(64) + ".net")) {
            assertThrows(IllegalArgumentException.class, () -> Host.parse(bad), bad);
        }
    }

    @Test
    void portListsMergeAndRefuseNonsense() {
        assertEquals("80-81,1080,3128,8000-8100", PortRanges.parse("8080,81,80,3128, 8000-8100,1080").toString());
        assertEquals("all", PortRanges.parse("all").toString());
        assertTrue(PortRanges.parse("1000-2000").contains(1500));
        assertFalse(PortRanges.parse("1000-2000").contains(2001));
        for (String bad : List.of("0", "65536", "90-80", "http", "80,,81", "")) {
            assertThrows(IllegalArgumentException.class, () -> PortRanges.parse(bad), bad);
        }
    }

    @Test
    void scopeListsHostsWithTheirPorts() {
        Scope scope = Scope.parse("192.0.2.7:80,8080,1080 [2001:db8::7]:3128 mail.example.net");
        assertEquals("192.0.2.7:80,1080,8080 [2001:db8::7]:3128 mail.example.net:all", scope.toString());
        assertTrue(scope.permits(Host.parse("192.0.2.7"), 1080));
        assertTrue(scope.permits(Host.parse("::ffff:192.0.2.7"), 1080), "the IPv4-mapped form names the same host");
        assertFalse(scope.permits(Host.parse("192.0.2.7"), 3128));
        assertTrue(scope.permits(Host.parse("2001:db8::7"), 3128));
        assertTrue(scope.permits(Host.parse("mail.example.net"), 25));
        assertFalse(scope.permits(Host.parse("192.0.2.8"), 80));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("192.0.2.7:99999"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("[2001:db8::7:80"));
        assertThrows(IllegalArgumentException.class, () -> Scope.parse(" "));
    }

    @Test
    void newCaseDefaultsToTheTargetAndMediumSeverity() {
        NewCase spec = NewCase.of(" Open SOCKS on customer line ", "192.0.2.7", "", "", "", List.of("socks", " spam "));
        assertEquals("Open SOCKS on customer line", spec.title());
        assertEquals("192.0.2.7:all", spec.scope().toString());
        assertEquals(Severity.MEDIUM, spec.severity());
        assertEquals(List.of("socks", "spam"), spec.tags());
        assertThrows(IllegalArgumentException.class, () -> NewCase.of(" ", "192.0.2.7", "", "", "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> NewCase.of("t", "192.0.2.7", "", "", "urgent", List.of()));
        assertThrows(IllegalArgumentException.class, () -> NewCase.of("t", "192.0.2.7", "", "", "", List.of("a b")));
    }

    @Test
    void caseIdsReadAsAnalystsWriteThem() {
        assertEquals("PX-2026-0001", new CaseId(2026, 1).toString());
        // four digits at least, more when the year has more cases, and each reads back as itself
        for (int number : new int[] {7, 42, 905, 1234, 56789, 999_999}) {
            CaseId id = new CaseId(2031, number);
            assertEquals(String.format("PX-2031-%04d", number), id.toString());
            assertEquals(id, CaseId.parse(id.toString()));
        }
        assertEquals(new CaseId(2026, 42), CaseId.parse("px-2026-0042"));
        assertThrows(IllegalArgumentException.class, () -> CaseId.parse("2026-0042"));
        assertTrue(new CaseId(2025, 900).compareTo(new CaseId(2026, 1)) < 0);
    }

    @Test
    void statusWorkflowAllowsReopeningOnly() {
        assertTrue(CaseStatus.NEW.canMoveTo(CaseStatus.INVESTIGATING));
        assertFalse(CaseStatus.NEW.canMoveTo(CaseStatus.RESOLVED));
        assertTrue(CaseStatus.CLOSED.canMoveTo(CaseStatus.INVESTIGATING));
        assertFalse(CaseStatus.CLOSED.canMoveTo(CaseStatus.NEW));
        assertEquals(CaseStatus.CUSTOMER_NOTIFIED, CaseStatus.parse("Customer notified"));
        assertEquals(CaseStatus.CUSTOMER_NOTIFIED, CaseStatus.parse("customer-notified"));
        assertThrows(IllegalArgumentException.class, () -> CaseStatus.parse("done"));
    }
}
