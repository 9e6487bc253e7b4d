package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.proxyscope.core.model.PortService;
import org.proxyscope.core.model.ServiceSignatures;

/** The signatures in service-signatures.txt name what replies show, the specific before the generic. */
class ServiceSignaturesTest {

    private static PortService named(String reply) {
        return ServiceSignatures.identify(reply).orElseThrow(() -> new AssertionError("nothing named in " + reply));
    }

    @Test
    void greetingsAndHeadersNameTheSoftwareAndItsVersion() {
        assertEquals(new PortService("ftp", "vsftpd", "3.0.3"), named("220 (vsFTPd 3.0.3)\r\n"));
        assertEquals(new PortService("smtp", "Exim", "4.96"), named("220 relay.test ESMTP Exim 4.96 Fri, 04 Dec 2026 16:28:24 +0000\r\n"));
        assertEquals(new PortService("http-proxy", "Squid", "5.7"), named("HTTP/1.1 403 Forbidden\r\nServer: squid/5.7\r\n\r\n"));
        assertEquals("a web server (nginx 1.22.1)", named("HTTP/1.1 404 Not Found\r\nServer: nginx/1.22.1\r\n\r\n").describe());
        assertEquals("OpenSSH 9.2p1", named("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n").label());
    }

    @Test
    void aProxysHeadersOutrankTheWebServerItForwarded() {
        PortService service = named("HTTP/1.1 404 Not Found\r\nServer: lighttpd/1.4.69\r\nVia: 1.1 gw (squid/5.7)\r\n\r\n");
        assertEquals("Squid 5.7", service.label());
        assertTrue(service.isRelay());
        assertEquals("HTTP proxy", named("HTTP/1.1 200 OK\r\nProxy-Agent: gateway\r\n\r\n").label());
    }

    @Test
    void whatOnlyTellsTheKindIsNamedByItsKind() {
        PortService smtp = named("220 mail.example.net ESMTP ready\r\n");
        assertEquals("SMTP server", smtp.label());
        assertEquals("an SMTP server", smtp.describe());
        assertFalse(smtp.isRelay());
        assertEquals(Optional.empty(), ServiceSignatures.identify("\u0005\u0000"));
        assertEquals(Optional.empty(), ServiceSignatures.identify(""));
    }

    @Test
    void theMostSpecificOfSeveralRepliesWins() {
        assertEquals("tinyproxy 1.11.1", ServiceSignatures.best(List.of("HTTP/1.0 200 OK\r\n\r\n",
                "HTTP/1.0 403 Access denied\r\nServer: tinyproxy/1.11.1\r\n\r\n")).orElseThrow().label());
        assertEquals(Optional.empty(), ServiceSignatures.best(List.of("", "\u0000junk")));
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PortService.ofKind("gopher"));
    }
}
