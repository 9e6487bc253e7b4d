package org.proxyscope.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The hosts and ports an analyst is authorised to probe for a case. Probes check every connection
 * against it, so a typo in a command line can never send traffic to a host outside the case.
 */
public record Scope(List<ScopeEntry> entries) {

    public Scope {
        entries = List.copyOf(entries);
    }

    /** The default when none is given: the target host itself, every port. */
    public static Scope targetOnly(Host target) {
        return new Scope(List.of(new ScopeEntry(target, PortRanges.ALL)));
    }

    /**
     * Parses {@code HOST[:PORTS],...}, e.g. {@code 192.0.2.7:80,8080,1080 [2001:db8::7]:all mail.example.net}.
     * Entries are separated by commas or spaces; a bare port or range continues the previous host's list.
     */
    public static Scope parse(String text) {
        List<String> hosts = new ArrayList<>();
        List<StringBuilder> ports = new ArrayList<>();
        for (String raw : (text == null ? "" : text).trim().split("[,\\s]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.matches("\\d+(-\\d+)?") && !hosts.isEmpty()) {
                ports.get(ports.size() - 1).append(',').append(raw);
                continue;
            }
            String host = raw;
            String portList = "";
            if (raw.startsWith("[")) {
                int close = raw.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("\"" + raw + "\" lacks the closing bracket of its IPv6 address");
                }
                host = raw.substring(0, close + 1);
                String rest = raw.substring(close + 1);
                portList = rest.startsWith(":") ? rest.substring(1) : rest;
            } else if (raw.indexOf(':') >= 0 && raw.indexOf(':') == raw.lastIndexOf(':')) {
                host = raw.substring(0, raw.indexOf(':'));
                portList = raw.substring(raw.indexOf(':') + 1);
            }
            hosts.add(host);
            ports.add(new StringBuilder(portList));
        }
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("The scope names no host");
        }
        List<ScopeEntry> entries = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String p = ports.get(i).toString().replaceFirst("^,", "");
            entries.add(new ScopeEntry(Host.parse(hosts.get(i)), p.isEmpty() ? PortRanges.ALL : PortRanges.parse(p)));
        }
        return new Scope(entries);
    }

    public boolean permits(Host host, int port) {
        return entries.stream().anyMatch(e -> e.permits(host, port));
    }

    /** Whether {@code host} is named in the scope at all, on whatever ports. */
    public boolean names(Host host) {
        return entries.stream().anyMatch(e -> e.host().equals(host));
    }

    @Override
    public String toString() {
        return String.join(" ", entries.stream().map(ScopeEntry::toString).toList());
    }
}
