package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.capture.ProxySession;

/** The sentence the report and the case timeline give a kept session: its proxy's port can be told from an IPv6 address. */
class SessionDescriptionTest {

    private static KeptCapture.Session session(String proxyHost, String destination) {
        return new KeptCapture.Session(812, 0, "10.0.0.57", 40_000, proxyHost, 1080, "socks5", destination,
                ProxySession.Outcome.ESTABLISHED, "0x0", "", true, 1, 2, OptionalInt.of(813));
    }

    @Test
    void anIpv4ProxyIsWrittenWithItsPort() {
        assertEquals("socks5 from 10.0.0.57 through 192.0.2.7:1080 to 198.51.100.25:25",
                session("192.0.2.7", "198.51.100.25:25").description());
    }

    @Test
    void anIpv6ProxyIsBracketedBeforeItsPort() {
        assertEquals("socks5 from 10.0.0.57 through [2001:db8::7]:1080 to [2001:db8::25]:25",
                session("2001:db8::7", "[2001:db8::25]:25").description());
    }

    @Test
    void aSessionThatNamedNoDestinationSaysSo() {
        assertEquals("socks5 from 10.0.0.57 through 192.0.2.7:1080 to an unnamed destination", session("192.0.2.7", "").description());
    }
}
