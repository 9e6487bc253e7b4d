package org.proxyscope.probe.internal;

import java.io.IOException;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.Verdict;

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
            return new Answered(Verdict.NOT_A_PROXY, head.isEmpty() ? "no reply to CONNECT" : "the reply to CONNECT is not HTTP");
        }
        if (statusCode(status) / 100 != 2) {
            return refusal(status, head, "CONNECT");
        }
        connection.send(tokenRequest(canary, token));
        return relayed(status, head, readTunnel(connection, canary, token), token);
    }
}
