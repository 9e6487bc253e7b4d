package org.proxyscope.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.proxyscope.report.Contribution;
import org.proxyscope.report.Remediation;

/** What the customer reads about the services found, and what another abuse desk reads. */
class RemediationTest {

    private static Contribution relaying(Contribution.Exposure... exposed) {
        return new Contribution(Contribution.Standing.RELAYS, "relays", List.of(), List.of(exposed), Optional.empty(), Optional.empty(),
                List.of());
    }

    @Test
    void theCustomerReadsWhatRunsOnEachPortInWordsAndAnAbuseDeskReadsTheProtocols() {
        List<Contribution> found = List.of(
                relaying(new Contribution.Exposure(23128, "http-connect"), new Contribution.Exposure(23128, "http-get"),
                        new Contribution.Exposure(21080, "socks5"), new Contribution.Exposure(22021, "ftp-bounce")),
                relaying(new Contribution.Exposure(21080, "socks4"), new Contribution.Exposure(25, "smtp-relay"),
                        new Contribution.Exposure(8080, "telnet-gateway")));
        assertEquals("a mail server that relays anyone's mail (an open relay) on port 25, the telnet-gateway service on port 8080,"
                + " a SOCKS proxy on port 21080, an FTP server that passes connections on to other hosts (FTP bounce) on port 22021"
                + " and an HTTP proxy on port 23128", Remediation.forCustomer(found));
        assertEquals("http-connect on port 23128, http-get on port 23128, socks5 on port 21080, ftp-bounce on port 22021,"
                + " socks4 on port 21080, smtp-relay on port 25 and telnet-gateway on port 8080", Remediation.found(found));
        assertEquals("a WinGate proxy and a SOCKS proxy on port 1080",
                Remediation.forCustomer(List.of(relaying(new Contribution.Exposure(1080, "wingate"), new Contribution.Exposure(1080, "socks5")))));
        assertEquals("", Remediation.forCustomer(List.of()));
    }
}
