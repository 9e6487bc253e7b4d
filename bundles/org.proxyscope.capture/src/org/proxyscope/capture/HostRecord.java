package org.proxyscope.capture;

import java.util.List;
import java.util.Set;

/**
 * What the capture says about one host.
 *
 * @param names     names the capture itself gave it (pcapng name resolution), never looked up
 * @param roles     such as "proxy", "proxy client", "mail server", "mail client", "web server", "web client": what it
 *                  did as a proxy first, then what it did through one, then its other services
 * @param listening ports on which it answered
 */
public record HostRecord(String address, Set<String> names, Set<String> roles, List<Integer> listening, int flowsAsClient,
        int flowsAsServer) {

    /** The role of a host that relayed a session: the capture shows what came back from the destination. */
    public static final String PROXY = "proxy";

    /** The role of a host that answered as a proxy would, without the proof that it relayed. */
    public static final String CLAIMS_TO_RELAY = "claims to relay (unproven)";

    /** The role of a host that answered as a proxy and refused. */
    public static final String REFUSING_PROXY = "proxy (refusing)";

    /**
     * How much the host matters to a case about an open proxy: 0 when it relayed, 1 when it only claimed to, 2 when
     * it refused as a proxy, 3 for any other host.
     */
    public int proxyRank() {
        return roles.contains(PROXY) ? 0 : roles.contains(CLAIMS_TO_RELAY) ? 1 : roles.contains(REFUSING_PROXY) ? 2 : 3;
    }
}
