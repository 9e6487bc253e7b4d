package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.HostSummary;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

/** The line that leads a run's results, for each kind of host verdict. */
class HostSummaryTest {

    private static Finding finding(int port, String protocol, Verdict verdict, String detail, String service) {
        return new Finding(port, protocol, verdict, detail, new Transcript()).withService(service);
    }

    private static String summary(List<Finding> findings) {
        return HostSummary.of("192.0.2.7", HostSummary.verdict(findings), findings);
    }

    @Test
    void portsThatAnsweredWithoutRelayingAreNamedWithWhatAnswered() {
        List<Finding> findings = List.of(finding(25, "smtp-relay", Verdict.DENIED, "relay not permitted", "Exim 4.96"),
                finding(80, "http-get", Verdict.NOT_A_PROXY, "its own 404", "nginx 1.22.1"),
                finding(3128, "http-connect", Verdict.DENIED, "403", "Squid 5.7"),
                finding(8080, "tcp", Verdict.NO_SERVICE, "connection refused", ""),
                finding(1080, "tcp", Verdict.TIMEOUT, "no answer to the TCP connect", ""));
        assertEquals("192.0.2.7: no open proxy; 3 ports answered, none relays: 25 (Exim 4.96), 80 (nginx 1.22.1), 3128 (Squid 5.7)",
                summary(findings));
        assertEquals("192.0.2.7: no open proxy; no port answered", summary(findings.subList(3, 5)));
    }

    @Test
    void doubtNamesWhatClaimedToRelayFailedOrStayedSilent() {
        List<Finding> findings = List.of(finding(8080, "http-connect", Verdict.UNVERIFIED, "200, no token", "HTTP proxy"),
                finding(8080, "http-get", Verdict.UNVERIFIED, "200, no token", "HTTP proxy"),
                finding(1080, "socks5", Verdict.TIMEOUT, "no answer within 3000 ms", ""));
        assertEquals("inconclusive", HostSummary.verdict(findings));
        assertEquals("192.0.2.7: inconclusive: HTTP CONNECT and HTTP GET on 8080 (HTTP proxy) claimed to relay, unproven;"
                + " SOCKS5 on 1080 stayed silent", summary(findings));
    }

    @Test
    void aProvenRelayLeadsWithItsProtocolsPerPort() {
        List<Finding> findings = List.of(finding(1080, "socks4", Verdict.OPEN, "granted", "SOCKS proxy"),
                finding(1080, "socks5", Verdict.OPEN, "granted", "SOCKS proxy"),
                finding(3128, "http-connect", Verdict.OPEN, "200", "Squid 5.7"),
                finding(25, "smtp-relay", Verdict.DENIED, "relay not permitted", "Exim 4.96"));
        assertEquals("192.0.2.7: open proxy: SOCKS4 and SOCKS5 on 1080 (SOCKS proxy); HTTP CONNECT on 3128 (Squid 5.7), proven by the canary",
                summary(findings));
    }
}
