package org.proxyscope.probe.internal;

import java.io.IOException;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;

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
        return forwardedAnswer(connection, canary, "GET", token);
    }
}
