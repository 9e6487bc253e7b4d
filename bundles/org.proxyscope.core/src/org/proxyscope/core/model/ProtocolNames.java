package org.proxyscope.core.model;

import java.util.Map;

/** A relay protocol as the analyst names it in a sentence: {@code http-connect} is HTTP CONNECT. */
public final class ProtocolNames {

    /** The probe's protocols, and the capture's http-forward: any request with an absolute URI, whatever its method. */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("http-connect", "HTTP CONNECT"),
            Map.entry("http-get", "HTTP GET"), Map.entry("http-post", "HTTP POST"), Map.entry("http-forward", "HTTP forwarding"),
            Map.entry("socks4", "SOCKS4"), Map.entry("socks4a", "SOCKS4a"), Map.entry("socks5", "SOCKS5"),
            Map.entry("wingate", "WinGate-style relay"), Map.entry("smtp-relay", "SMTP relay"), Map.entry("ftp-bounce", "FTP bounce"));

    private ProtocolNames() {
    }

    /** The name of {@code protocol}; a plug-in's protocol keeps its id. */
    public static String of(String protocol) {
        return NAMES.getOrDefault(protocol, protocol);
    }
}
