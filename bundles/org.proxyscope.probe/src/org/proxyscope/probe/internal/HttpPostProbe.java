package org.proxyscope.probe.internal;

import java.io.IOException;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.ProbeConnection;

/**
 * HTTP POST with an absolute URI, the token in the body: spam relays through proxies that pass GET filters
 * are often caught by this one, since web forms and mail gateways take POST.
 */
public final class HttpPostProbe extends RelayProbe {

    @Override
    public String protocol() {
        return "http-post";
    }

    @Override
    Outcome exchange(ProbeConnection connection, Canary canary, String token) throws IOException {
        String target = canary.authority();
        String body = "proxyscope=" + token;
        connection.send("POST http://" + target + canary.path(token) + " HTTP/1.1\r\nHost: " + target + "\r\nUser-Agent: Proxyscope\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
        return forwardedAnswer(connection, canary, "POST", token);
    }
}
