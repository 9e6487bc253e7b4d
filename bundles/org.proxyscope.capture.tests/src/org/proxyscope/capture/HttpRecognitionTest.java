package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.proxyscope.capture.ProxySession.Outcome;

/**
 * HTTP as the content analysis recognises it from both directions' first bytes: an HTTP/1.x request line
 * from the client and a status line from the server, read in place.
 */
class HttpRecognitionTest {

    private static Bytes bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return Bytes.of(b, b.length);
    }

    private static ProxySession analyse(Flow flow, Bytes client, Bytes server) {
        return ContentAnalyzer.analyse(flow, client, server, new RepeatedTexts());
    }

    private static Flow flow() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new Flow(1, Flow.Transport.TCP, new Endpoint(loopback, 40000), new Endpoint(loopback, 8080), 1);
    }

    @Test
    void aPlainRequestNamesItsMethodHostAndTarget() {
        Flow f = flow();
        assertNull(analyse(f, bytes("GET /index.html HTTP/1.1\r\nAccept: */*\r\nhOsT:\t www.example.test \r\n\r\n"),
                bytes("HTTP/1.1 200 OK\r\n\r\n")));
        assertEquals(Service.HTTP, f.service());
        assertEquals("GET www.example.test/index.html", f.detail());
    }

    @Test
    void anEmptyHostHeaderGivesWayToALaterOneAndBareLineFeedsEndLines() {
        Flow f = flow();
        analyse(f, bytes("HEAD /a HTTP/1.0\nHost:\nHost: b.example.test\n\n"), bytes("HTTP/1.0 404 Not Found\n"));
        assertEquals("HEAD b.example.test/a", f.detail());
        Flow none = flow();
        analyse(none, bytes("GET /a HTTP/1.1\r\nX-Host: c.example.test\r\n\r\n"), bytes("HTTP/1.1 200 OK\r\n"));
        assertEquals("GET /a", none.detail(), "only a header named Host counts");
    }

    @Test
    void connectAndAbsoluteTargetsAreProxyRequests() {
        ProxySession connect = analyse(flow(), bytes("CONNECT 192.0.2.25:25 HTTP/1.1\r\n\r\n"),
                bytes("HTTP/1.1 403 Forbidden\r\n\r\n"));
        assertEquals("http-connect", connect.protocol());
        assertEquals("192.0.2.25:25", connect.destination());
        assertEquals(Outcome.REFUSED, connect.outcome());
        assertEquals("403", connect.code());
        ProxySession forward = analyse(flow(), bytes("GET http://www.example.test/ HTTP/1.1\r\n\r\n"),
                bytes("HTTP/1.1 200 OK\r\n\r\n"));
        assertEquals("http-forward", forward.protocol());
        assertEquals("www.example.test:80", forward.destination());
        assertEquals(Outcome.ESTABLISHED, forward.outcome());
    }

    @Test
    void whatIsNotAnHttp1ExchangeIsNotHttp() {
        String[][] notHttp = {
                { "get / HTTP/1.1\r\n", "HTTP/1.1 200 OK\r\n" }, // methods are upper case
                { "GET / HTTP/2.0\r\n", "HTTP/1.1 200 OK\r\n" },
                { "GET / http/1.1\r\n", "HTTP/1.1 200 OK\r\n" },
                { "GET / HTTP/1.1", "HTTP/1.1 200 OK\r\n" }, // the line never ends
                { "GET  / HTTP/1.1\r\n", "HTTP/1.1 200 OK\r\n" }, // no target between the spaces
                { "GE / HTTP/1.1\r\n", "HTTP/1.1 200 OK\r\n" },
                { "ABCDEFGHIJKLM / HTTP/1.1\r\n", "HTTP/1.1 200 OK\r\n" }, // thirteen letters
                { "GET / HTTP/1.1\r\n", "HTTP/1.1 2x0 OK\r\n" },
                { "GET / HTTP/1.1\r\n", "HTTP/1.1 20" },
                { "GET / HTTP/1.1\r\n", "SSH-2.0-OpenSSH_9.2\r\n" },
        };
        for (String[] exchange : notHttp) {
            Flow f = flow();
            assertNull(analyse(f, bytes(exchange[0]), bytes(exchange[1])));
            assertEquals(Service.UNKNOWN, f.service(), exchange[0] + " / " + exchange[1]);
        }
    }

    @Test
    void twelveLetterMethodsAndLongTargetsStillCount() {
        Flow f = flow();
        String target = "/" + "a".repeat(1900);
        analyse(f, bytes("ABCDEFGHIJKL " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"), bytes("HTTP/1.1 501 No\r\n"));
        assertEquals("ABCDEFGHIJKL x" + target, f.detail());
        Flow beyond = flow();
        analyse(beyond, bytes("GET /" + "a".repeat(2100) + " HTTP/1.1\r\n\r\n"), bytes("HTTP/1.1 414 Too long\r\n"));
        assertEquals(Service.UNKNOWN, beyond.service(), "a request line is looked for in the first 2 KiB only");
    }
}
