package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.proxyscope.core.model.AddressText;

class AddressTextTest {

    private static String text(String literal) throws UnknownHostException {
        return AddressText.of(InetAddress.getByName(literal)); // literals only: parsed, never looked up
    }

    /** RFC 5952 section 4: the forms tcpdump and Wireshark print, so an address can be searched as seen there. */
    @Test
    void writesIpv6AsRfc5952() throws UnknownHostException {
        assertEquals("::1", text("0:0:0:0:0:0:0:1"));
        assertEquals("::", text("0:0:0:0:0:0:0:0"));
        assertEquals("2001:db8::1", text("2001:0DB8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1"), "on a tie the first run is shortened");
        assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1"), "the longest run is shortened");
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("fe80::", text("fe80:0:0:0:0:0:0:0"));
        assertEquals("2001:db8:1:2:3:4:5:0", text("2001:db8:1:2:3:4:5:0"));
    }

    @Test
    void writesIpv4Dotted() throws UnknownHostException {
        assertEquals("192.0.2.10", text("192.0.2.10"));
        assertEquals("192.0.2.10", text("::ffff:192.0.2.10"), "a mapped address is the IPv4 host");
    }
}
