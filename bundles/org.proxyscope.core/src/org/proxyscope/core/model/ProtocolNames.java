package org.proxyscope.core.model;

import java.util.Map;

/** A relay protocol as the analyst names it in a sentence: {@code http-connect} is HTTP CONNECT. */
public final class ProtocolNames {

    private static final Map<String, String> NAMES = Map.of("http-connect", "HTTP CONNECT", "http-get", "HTTP GET",
            "http-post", "HTTP POST", "socks4", "SOCKS4", "socks4a", "SOCKS4a", "socks5", "SOCKS5", "wingate",
            "WinGate-style relay", "smtp-relay", "SMTP relay", "ftp-bounce", "FTP bounce");

    private ProtocolNames() {
    }

    /** The name of {@code protocol}; a plug-in's protocol keeps its id. */
    public static String of(String protocol) {
        return NAMES.getOrDefault(protocol, protocol);
    }
}
