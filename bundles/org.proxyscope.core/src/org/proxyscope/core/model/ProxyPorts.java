package org.proxyscope.core.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports on which trojan-installed proxies and relays are usually found, with what usually listens
 * there. Probing tries them by default; capture and netstat import flag listeners on them.
 */
public final class ProxyPorts {

    private static final Map<Integer, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(80, "HTTP proxy");
        KNOWN.put(81, "HTTP proxy");
        KNOWN.put(8000, "HTTP proxy");
        KNOWN.put(8080, "HTTP proxy");
        KNOWN.put(1080, "SOCKS");
        KNOWN.put(3128, "Squid");
        KNOWN.put(6588, "AnalogX");
        KNOWN.put(23, "WinGate telnet");
        KNOWN.put(25, "SMTP relay");
        KNOWN.put(8081, "HTTP proxy");
        KNOWN.put(8888, "HTTP proxy (tinyproxy)");
        KNOWN.put(9050, "Tor SOCKS");
        KNOWN.put(4480, "Proxy+");
    }

    /** Every known port, the seed's proxy ports first. */
    public static final List<Integer> ALL = List.copyOf(KNOWN.keySet());

    private ProxyPorts() {
    }

    public static boolean known(int port) {
        return KNOWN.containsKey(port);
    }

    /** What usually listens on {@code port}, or "" when it is not a known proxy port. */
    public static String usual(int port) {
        return KNOWN.getOrDefault(port, "");
    }
}
