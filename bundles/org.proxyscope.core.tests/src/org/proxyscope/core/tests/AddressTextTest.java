package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

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

    @Test
    void writesAConnectionsEndWithoutJavasSlash() throws UnknownHostException {
        assertEquals("127.0.0.1:40404", AddressText.of(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), 40404)));
        assertEquals("[::1]:40404", AddressText.of(new java.net.InetSocketAddress(InetAddress.getByName("::1"), 40404)));
    }

    @Test
    void writesAHostWithItsPort() {
        assertEquals("192.0.2.1:25", AddressText.withPort("192.0.2.1", 25));
        assertEquals("[2001:db8::1]:8080", AddressText.withPort("2001:db8::1", 8080));
        assertEquals("canary.example.net:80", AddressText.withPort("canary.example.net", 80));
    }

    @Test
    void ordersAddressesByNumberIpv4First() throws UnknownHostException {
        List<String> texts = List.of("2001:db8::1", "10.0.0.10", "192.0.2.7", "10.0.0.2", "::1", "10.0.0.100", "2001:db8::", "9.255.255.255");
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String t : texts) {
            addresses.add(InetAddress.getByName(t));
        }
        addresses.sort(AddressText::compare);
        assertEquals(List.of("9.255.255.255", "10.0.0.2", "10.0.0.10", "10.0.0.100", "192.0.2.7", "::1", "2001:db8::", "2001:db8::1"),
                addresses.stream().map(AddressText::of).toList());
    }

    /** What names a host and a port: as a URL writes it, and as netstat writes an IPv6 socket (no brackets). */
    @Test
    void readsAHostWithItsPort() {
        assertEquals(Optional.of(new AddressText.HostPort("192.0.2.1", 25)), AddressText.hostPort("192.0.2.1:25"));
        assertEquals(Optional.of(new AddressText.HostPort("2001:db8::1", 8080)), AddressText.hostPort("[2001:db8::1]:8080"));
        assertEquals(Optional.of(new AddressText.HostPort("2001:db8::1", 8080)), AddressText.hostPort("2001:db8::1:8080"));
        assertEquals(Optional.of(new AddressText.HostPort("mail.example.net", 587)), AddressText.hostPort("mail.example.net:587"));
        assertEquals(Optional.of(new AddressText.HostPort("::", 65535)), AddressText.hostPort("[::]:65535"));
        for (String noPort : List.of("192.0.2.1", "192.0.2.1:", ":25", "[]:25", "192.0.2.1:65536", "192.0.2.1:123456",
                "mail.example.net:smtp", "192.0.2.1:*", "192.0.2.1:+25", "")) {
            assertEquals(Optional.empty(), AddressText.hostPort(noPort), noPort);
            assertEquals(-1, AddressText.port(noPort), noPort);
        }
        for (String withPort : List.of("192.0.2.1:25", "[2001:db8::1]:8080", "2001:db8::1:8080", "mail.example.net:587", "[::]:65535")) {
            assertEquals(AddressText.hostPort(withPort).orElseThrow().port(), AddressText.port(withPort), withPort);
        }
    }

    /** Literals are parsed; anything that could be a host name is refused without asking DNS. */
    @Test
    void readsLiteralsOnly() throws UnknownHostException {
        assertEquals(InetAddress.getByName("192.0.2.7"), AddressText.literal("192.0.2.7").orElseThrow());
        assertEquals(InetAddress.getByName("::1"), AddressText.literal("0:0:0:0:0:0:0:1").orElseThrow());
        assertEquals(InetAddress.getByName("2001:db8::7"), AddressText.literal("2001:DB8::7").orElseThrow());
        for (String notLiteral : List.of("cafe", "dead.beef", "localhost", "mail.example.net", "", "1.2.3.4.5.6", "::g")) {
            assertEquals(Optional.empty(), AddressText.literal(notLiteral), notLiteral);
        }
    }
}
