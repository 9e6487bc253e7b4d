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
        assertEquals("HTTP CONNECT and HTTP GET on port 23128; SOCKS5 and SOCKS4 on port 21080; FTP bounce on port 22021;"
                + " SMTP relay on port 25; telnet-gateway on port 8080", Remediation.found(found));
        // ports with the same protocols are named together, neighbours as a range
        assertEquals("SOCKS5 on ports 1080-1082 and 1090; HTTP CONNECT on ports 3128 and 8080", Remediation.found(List.of(relaying(
                new Contribution.Exposure(1082, "socks5"), new Contribution.Exposure(1080, "socks5"), new Contribution.Exposure(3128, "http-connect"),
                new Contribution.Exposure(1081, "socks5"), new Contribution.Exposure(8080, "http-connect"), new Contribution.Exposure(1090, "socks5")))));
        assertEquals("HTTP forwarding and HTTP CONNECT on port 3128", Remediation.found(List.of(relaying(
                new Contribution.Exposure(3128, "http-forward"), new Contribution.Exposure(3128, "http-connect")))), "a capture's protocols");
        assertEquals("a WinGate proxy and a SOCKS proxy on port 1080",
                Remediation.forCustomer(List.of(relaying(new Contribution.Exposure(1080, "wingate"), new Contribution.Exposure(1080, "socks5")))));
        assertEquals("", Remediation.forCustomer(List.of()));
    }
}
