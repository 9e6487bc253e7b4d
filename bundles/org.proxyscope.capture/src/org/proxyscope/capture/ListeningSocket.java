package org.proxyscope.capture;

import org.proxyscope.core.model.ProxyPorts;

/**
 * A socket that accepted connections: seen answering in a capture, or listed as listening by netstat.
 *
 * @param address  as the source wrote it ({@code 0.0.0.0:1080}, {@code [::]:3128}, {@code 192.0.2.7:8080})
 * @param service  what the capture showed it speaking, or "" when unknown
 * @param process  the owning process when the listing named it, or ""
 */
public record ListeningSocket(String address, int port, String service, String process) {

    /** The owning process in words: its program, or "PID 3120" when a listing gave only its number; "" when none. */
    public String owner() {
        return !process.isEmpty() && process.chars().allMatch(Character::isDigit) ? "PID " + process : process;
    }

    /** True when the port is one where proxies and relays are usually found. */
    public boolean proxyPort() {
        return ProxyPorts.known(port);
    }
}
