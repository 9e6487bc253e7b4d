package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.proxyscope.capture.ProxySession.Outcome;

/** SOCKS requests as the content analysis reads them from both directions' first bytes. */
class SocksRecognitionTest {

    private static Flow flow() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new Flow(1, Flow.Transport.TCP, new Endpoint(loopback, 40000), new Endpoint(loopback, 1080), 1);
    }

    /** A SOCKS4a name ends only where the request has a zero byte: one longer than any host name is still its destination. */
    @Test
    void aSocks4aNameOfAnyLengthIsTheDestination() {
        for (int length : new int[] {12, 255, 600, 5_000}) {
            String name = "h".repeat(length - 11) + ".example.t";
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(new byte[] {4, 1, 0, 25, 0, 0, 0, 1});
            request.writeBytes("spammer".getBytes(StandardCharsets.ISO_8859_1));
            request.write(0);
            request.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
            request.write(0);
            byte[] c = request.toByteArray();
            byte[] s = {0, 0x5a, 0, 25, 0, 0, 0, 1};
            ProxySession session = ContentAnalyzer.analyse(flow(), Bytes.of(c, c.length), Bytes.of(s, s.length), new RepeatedTexts());
            assertEquals("socks4", session.protocol());
            assertEquals(name + ":25", session.destination(), length + " bytes");
            assertEquals(Outcome.UNVERIFIED, session.outcome(), "granted, and nothing came back through the tunnel");
        }
    }
}
