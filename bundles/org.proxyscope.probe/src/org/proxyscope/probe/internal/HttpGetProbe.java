package org.proxyscope.probe.internal;

import java.io.IOException;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.Verdict;

/** HTTP GET with an absolute URI: asks the target to fetch the canary's URL carrying the token. */
public final class HttpGetProbe extends RelayProbe {

    @Override
    public String protocol() {
        return "http-get";
    }

    @Override
    Outcome exchange(ProbeConnection connection, Canary canary, String token) throws IOException {
        String target = canary.authority();
        connection.send("GET http://" + target + canary.path(token) + " HTTP/1.1\r\nHost: " + target
                + "\r\nUser-Agent: Proxyscope\r\nConnection: close\r\n\r\n");
        String head = connection.readHead();
        String status = statusLine(head);
        if (status == null) {
            return new Answered(Verdict.NOT_A_PROXY, "no HTTP reply to an absolute-URI GET");
        }
        if (statusCode(status) / 100 != 2) {
            return refusal(status, head);
        }
        return relayed(status, head, connection.readRest(), token);
    }
}
