package org.proxyscope.capture;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.proxyscope.core.model.AddressText;
import org.proxyscope.core.model.Phrases;
import org.proxyscope.core.model.ProxyPorts;

/**
 * A socket that accepted connections: seen answering in a capture, or listed as listening by netstat.
 *
 * @param address     as the source wrote it ({@code 0.0.0.0:1080}, {@code [::]:3128}, {@code 192.0.2.7:8080})
 * @param service     what the capture showed it speaking, or "" when unknown
 * @param process     the owning process when the listing named it, or ""
 * @param clients     the other hosts a listing shows connected to it (never the machine itself), in the listing's order
 * @param mailServers the other hosts whose port 25 the listing shows the same process connected to: with clients, the
 *                    pattern of a proxy relaying mail. Only a listing that names processes can tell.
 */
public record ListeningSocket(String address, int port, String service, String process, List<String> clients,
        List<String> mailServers) {

    public ListeningSocket {
        clients = List.copyOf(clients);
        mailServers = List.copyOf(mailServers);
    }

    /** A socket as traffic shows it, or a listing shows it without connections. */
    public ListeningSocket(String address, int port, String service, String process) {
        this(address, port, service, process, List.of(), List.of());
    }

    /** The owning process in words: its program, or "PID 3120" when a listing gave only its number; "" when none. */
    public String owner() {
        return !process.isEmpty() && process.chars().allMatch(Character::isDigit) ? "PID " + process : process;
    }

    /** True when the port is one where proxies and relays are usually found. */
    public boolean proxyPort() {
        return ProxyPorts.known(port);
    }

    /** True when it is bound to a loopback address, so that no other host can reach it (a local proxy, say). */
    public boolean loopbackOnly() {
        return AddressText.hostPort(address).flatMap(h -> AddressText.literal(h.host()))
                .map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * What a listing shows of its use, in words: "connected from 203.0.113.9; its process connects to port 25 of
     * 198.51.100.25 and 198.51.100.26", "reachable from this machine alone" for a socket bound to loopback, or "" when
     * it shows nothing.
     */
    public String use() {
        List<String> use = new ArrayList<>();
        if (loopbackOnly()) {
            use.add("reachable from this machine alone");
        }
        if (!clients.isEmpty()) {
            use.add("connected from " + Phrases.firstFew(clients));
        }
        if (!mailServers.isEmpty()) {
            use.add("its process connects to port 25 of " + Phrases.firstFew(mailServers));
        }
        return String.join("; ", use);
    }
}
