package org.proxyscope.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.proxyscope.core.model.Phrases;

/**
 * What the customer must do about an open proxy, in the abuse desk's words: the report's remediation and the
 * customer notice say the same, naming only the ports actually found.
 */
public final class Remediation {

    private Remediation() {
    }

    /** The steps, in order, for the ports found relaying or open to abuse. */
    public static List<String> steps(List<Integer> ports) {
        String named = String.join(", ", ports.stream().distinct().sorted().map(String::valueOf).toList());
        return List.of(
                "Close the proxy ports (" + named + ") or block them in the router's or the PC's firewall. A proxy that is"
                        + " needed must accept only the customer's own network (an access list), never the Internet.",
                "Turn on a personal firewall on every PC behind the line.",
                "Update the anti-virus software and run a full scan of every PC.",
                "Run an anti-trojan scanner as well, and a second one if the first finds nothing: trojans install these proxies,"
                        + " and one scanner often misses them.",
                "Check the router: its remote administration, port forwardings to the PCs, and its firmware.",
                // whether the line is restricted meanwhile is the desk's policy, which the notice's template states
                "Then ask the abuse desk for a re-test: the case is closed once a re-test finds nothing open.");
    }

    /** The ports the contributions name, each once, in order. */
    public static List<Integer> ports(List<Contribution> contributions) {
        return contributions.stream().flatMap(c -> c.exposed().stream()).map(Contribution.Exposure::port).distinct().sorted()
                .toList();
    }

    /**
     * "a SOCKS proxy on port 1080 and an HTTP proxy on port 8080": the services found, per port, in words for a
     * customer, who knows neither "socks5" nor "http-connect"; a plug-in's protocol goes by its own name.
     */
    public static String forCustomer(List<Contribution> contributions) {
        Map<Integer, Set<String>> kinds = new TreeMap<>();
        contributions.stream().flatMap(c -> c.exposed().stream())
                .forEach(e -> kinds.computeIfAbsent(e.port(), p -> new LinkedHashSet<>()).add(kind(e.protocol())));
        return Phrases.and(kinds.entrySet().stream().map(k -> Phrases.and(List.copyOf(k.getValue())) + " on port " + k.getKey()).toList());
    }

    private static String kind(String protocol) {
        if (protocol.startsWith("socks")) {
            return "a SOCKS proxy";
        }
        if (protocol.startsWith("http")) {
            return "an HTTP proxy";
        }
        return switch (protocol) {
            case "wingate" -> "a WinGate proxy";
            case "smtp-relay" -> "a mail server that relays anyone's mail (an open relay)";
            case "ftp-bounce" -> "an FTP server that passes connections on to other hosts (FTP bounce)";
            default -> "the " + protocol + " service";
        };
    }

    /** "SOCKS5 on port 1080; HTTP CONNECT on port 8080": the services found, as a sentence names them. */
    public static String found(List<Contribution> contributions) {
        return Contribution.Exposure.describe(contributions.stream().flatMap(c -> c.exposed().stream()).toList());
    }
}
