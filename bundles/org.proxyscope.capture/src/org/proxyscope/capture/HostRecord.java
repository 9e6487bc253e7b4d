package org.proxyscope.capture;

import java.util.List;
import java.util.Set;

/**
 * What the capture says about one host.
 *
 * @param names     names the capture itself gave it (pcapng name resolution), never looked up
 * @param roles     such as "proxy", "proxy client", "mail server", "mail client", "web server", "web client"
 * @param listening ports on which it answered
 */
public record HostRecord(String address, Set<String> names, Set<String> roles, List<Integer> listening, int flowsAsClient,
        int flowsAsServer) {
}
