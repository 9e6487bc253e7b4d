package org.proxyscope.core.model;

/** One host of a case's authorised scope, with the ports that may be probed on it. */
public record ScopeEntry(Host host, PortRanges ports) {

    public boolean permits(Host target, int port) {
        return host.equals(target) && ports.contains(port);
    }

    @Override
    public String toString() {
        return host.withPortSyntax() + ":" + ports;
    }
}
