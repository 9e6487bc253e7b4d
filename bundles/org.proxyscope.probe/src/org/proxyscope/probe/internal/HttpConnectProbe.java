package org.proxyscope.probe.internal;

import java.io.IOException;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;

/** HTTP CONNECT: asks for a tunnel to the canary, then sends the token through it. */
public final class HttpConnectProbe extends RelayProbe {

    @Override
    public String protocol() {
        return "http-connect";
    }

    @Override
    Outcome exchange(ProbeConnection connection, Canary canary, String token) throws IOException {
        String target = canary.authority();
        connection.send("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nUser-Agent: Proxyscope\r\n\r\n");
        String head = connection.readHead();
        String status = statusLine(head);
        if (status == null) {
            return notHttp(head, "CONNECT");
        }
        if (statusCode(status) / 100 != 2) {
            return refusal(status, head, "CONNECT");
        }
        connection.send(tokenRequest(canary, token));
        return relayed(status, head, readTunnel(connection, canary, token), token);
    }
}
