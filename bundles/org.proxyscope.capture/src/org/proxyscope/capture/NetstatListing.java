package org.proxyscope.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.model.AddressText;

/**
 * {@code netstat -an} (Linux or Windows, with or without the process column) and {@code ss -tan} output.
 * Listening sockets become {@link ListeningSocket}s; connections become flows without packets, oriented
 * inbound when their local port listens.
 */
final class NetstatListing {

    /** The process number in ss's "users:(("analogx",pid=77,fd=3))" or netstat's "812/svchost32". */
    private static final Pattern PID = Pattern.compile("pid=(\\d+)|^(\\d+)/");

    private static final Set<String> SS_STATES = Set.of("LISTEN", "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1",
            "FIN-WAIT-2", "TIME-WAIT", "CLOSE-WAIT", "LAST-ACK", "CLOSING", "CLOSED", "UNCONN");

    record Line(boolean udp, String local, String remote, String state, String process) {

        boolean listening() {
            return state.equals("LISTEN") || state.equals("LISTENING") || udp && (remote.endsWith(":*") || remote.equals("*:*"));
        }
    }

    final List<Line> lines = new ArrayList<>();
    final List<ListeningSocket> listening = new ArrayList<>();
    final List<Flow> connections = new ArrayList<>();
    /** Where the listing stopped making sense, when it did; the lines before it are kept. */
    String problem;
    /**
     * Socket lines that could not be used: addresses or ports named (a listing made without -n, e.g. Windows'
     * {@code netstat -a}), or unreadable.
     */
    int leftOut;

    /** True when the first bytes look like a listing: text with a netstat or ss heading or socket lines. */
    static boolean recognises(byte[] head, int length) {
        // judged on the text before any binary byte: a listing damaged later is still a listing
        int text = 0;
        while (text < length) {
            int c = head[text] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            text++;
        }
        String prefix = new String(head, 0, text, StandardCharsets.ISO_8859_1);
        return prefix.contains("Local Address") || prefix.contains("Proto ") || prefix.lines().anyMatch(l -> parse(l) != null);
    }

    static NetstatListing read(InputStream in) throws IOException {
        NetstatListing listing = new NetstatListing();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
        long offset = 0;
        String text;
        while ((text = reader.readLine()) != null) {
            for (int i = 0; i < text.length() && listing.problem == null; i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\r') {
                    listing.problem = new CaptureFormatException(offset + i, "binary data inside a netstat listing").getMessage();
                }
            }
            if (text.length() > 4096) {
                listing.problem = new CaptureFormatException(offset, "a line of " + text.length()
                        + " characters is no netstat output").getMessage();
            }
            if (listing.problem != null) {
                break;
            }
            String trimmed = text.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]") && !listing.lines.isEmpty()) {
                // Windows netstat -b names the program on the line after the connection
                Line last = listing.lines.remove(listing.lines.size() - 1);
                listing.lines.add(new Line(last.udp, last.local, last.remote, last.state, trimmed.substring(1, trimmed.length() - 1)));
            } else {
                Line line = parse(text);
                if (line != null) {
                    listing.lines.add(line);
                } else if (isSocketLine(text)) {
                    listing.leftOut++;
                }
            }
            offset += text.length() + 1;
        }
        listing.derive();
        return listing;
    }

    /** One socket line of any of the three formats, or null for headings and anything else. */
    static Line parse(String text) {
        String[] t = text.strip().split("\\s+");
        if (t.length < 4) {
            return null;
        }
        String first = t[0];
        String lower = first.toLowerCase(Locale.ROOT);
        if (SS_STATES.contains(first) && t.length >= 5) {
            return line(first.equals("UNCONN"), t[3], t[4], first, join(t, 5));
        }
        if ((lower.equals("tcp") || lower.equals("udp")) && t.length >= 6 && SS_STATES.contains(t[1])) {
            return line(lower.equals("udp"), t[4], t[5], t[1], join(t, 6));
        }
        if (first.equals("TCP") || first.equals("UDP")) {
            boolean udp = first.equals("UDP");
            String state = udp ? "" : t.length > 3 ? t[3] : "";
            return line(udp, t[1], t[2], state, t.length > (udp ? 3 : 4) ? t[udp ? 3 : 4] : "");
        }
        if (lower.startsWith("tcp") || lower.startsWith("udp")) {
            boolean udp = lower.startsWith("udp");
            if (t.length < 5) {
                return null;
            }
            String state = udp ? (t.length > 5 && !t[5].contains("/") ? t[5] : "") : t.length > 5 ? t[5] : "";
            String process = t.length > (udp && state.isEmpty() ? 5 : 6) ? t[udp && state.isEmpty() ? 5 : 6] : "";
            return line(udp, t[3], t[4], state, process);
        }
        return null;
    }

    /** Whether a line parse() could not read is one socket's (its protocol or ss state first), not a heading. */
    private static boolean isSocketLine(String text) {
        String[] t = text.strip().split("\\s+");
        String lower = t[0].toLowerCase(Locale.ROOT);
        return t.length >= 4 && (lower.startsWith("tcp") || lower.startsWith("udp") || SS_STATES.contains(t[0]));
    }

    private static Line line(boolean udp, String local, String remote, String state, String process) {
        if (port(local) < 0 || port(remote) < 0) {
            return null;
        }
        return new Line(udp, local, remote, state.toUpperCase(Locale.ROOT), process.equals("-") ? "" : process);
    }

    private static String join(String[] t, int from) {
        return from >= t.length ? "" : String.join(" ", java.util.Arrays.copyOfRange(t, from, t.length));
    }

    /** The port after the last colon; 0 for "*" (netstat's any port), -1 when there is none. */
    static int port(String address) {
        return address.endsWith(":*") ? 0 : AddressText.hostPort(address).map(AddressText.HostPort::port).orElse(-1);
    }

    private void derive() {
        Set<Integer> listeningPorts = new java.util.HashSet<>();
        for (Line l : lines) {
            if (l.listening()) {
                listeningPorts.add(port(l.local));
            }
        }
        List<Connection> listed = new ArrayList<>();
        for (Line l : lines) {
            if (l.listening()) {
                continue;
            }
            Endpoint local = endpoint(l.local);
            Endpoint remote = endpoint(l.remote);
            if (local == null || remote == null) {
                leftOut++;
                continue;
            }
            boolean inbound = listeningPorts.contains(local.port());
            Flow flow = new Flow(connections.size() + 1, l.udp ? Flow.Transport.UDP : Flow.Transport.TCP,
                    inbound ? remote : local, inbound ? local : remote, 0);
            flow.listedState = l.state.toLowerCase(Locale.ROOT);
            flow.detail = l.process;
            connections.add(flow);
            listed.add(new Connection(l, local, remote, processKey(l.process)));
        }
        for (Line l : lines) {
            if (l.listening()) {
                listening.add(l.udp ? new ListeningSocket(l.local, port(l.local), "udp", l.process)
                        : new ListeningSocket(l.local, port(l.local), "", l.process, clients(l, listed), mailServers(l, listed)));
            }
        }
    }

    /** A connection line with its two ends read, and its process as {@link #processKey} gives it. */
    private record Connection(Line line, Endpoint local, Endpoint remote, String process) {

        /** Whether the far end is another host: the machine's connections to itself are its own business. */
        boolean toAnotherHost() {
            return !line.udp && !remote.address().isLoopbackAddress() && !remote.address().isAnyLocalAddress();
        }
    }

    /** The other hosts connected to a listening socket: on its port and address, by its process when both are named. */
    private static List<String> clients(Line listener, List<Connection> listed) {
        Endpoint bound = endpoint(listener.local);
        String process = processKey(listener.process);
        Set<String> hosts = new LinkedHashSet<>();
        for (Connection c : listed) {
            if (bound != null && c.toAnotherHost() && c.local.port() == bound.port()
                    && (bound.address().isAnyLocalAddress() || bound.address().equals(c.local.address()))
                    && (process.isEmpty() || c.process.isEmpty() || process.equals(c.process))) {
                hosts.add(c.remote.host());
            }
        }
        return List.copyOf(hosts);
    }

    /**
     * The other hosts whose port 25 the listening socket's process connects to. Only a listing that names processes
     * can say that the proxy and the mail are one program's; without names, nothing is paired.
     */
    private static List<String> mailServers(Line listener, List<Connection> listed) {
        String process = processKey(listener.process);
        Set<String> hosts = new LinkedHashSet<>();
        if (!process.isEmpty()) {
            for (Connection c : listed) {
                if (c.toAnotherHost() && c.remote.port() == 25 && process.equals(c.process)) {
                    hosts.add(c.remote.host());
                }
            }
        }
        return List.copyOf(hosts);
    }

    /**
     * What names a line's process, so that two lines of one process compare equal: its number where the listing gives
     * one ("812/svchost32" in netstat, "pid=77" in ss, whose entries also name each socket's descriptor), else its
     * program (Windows' -b) or its bare number (-o); "" when the listing names none.
     */
    private static String processKey(String process) {
        Matcher pid = PID.matcher(process);
        return pid.find() ? pid.group(1) != null ? pid.group(1) : pid.group(2) : process;
    }

    private static Endpoint endpoint(String text) {
        int colon = text.lastIndexOf(':');
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        int percent = host.indexOf('%');
        if (percent >= 0) {
            host = host.substring(0, percent);
        }
        if (host.equals("*")) {
            host = "0.0.0.0";
        }
        // a listing made without -n names hosts; those are left out, never looked up
        return AddressText.literal(host).map(address -> new Endpoint(address, port(text))).orElse(null);
    }
}
