package org.proxyscope.capture;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.proxyscope.cli.JsonStreamWriter;
import org.proxyscope.core.Background;

/** The import's JSON form, as {@code proxyscope import --json} prints it and as a case keeps it. */
public final class CaptureJson {

    private CaptureJson() {
    }

    /**
     * Writes the JSON form through {@code o}, and flushes it. Streamed item by item: a tree of Gson objects first
     * (two per host, and a large capture has tens of thousands of hosts) took 0.4-0.5 s of a 1 GiB import's 2.4 s.
     */
    public static void write(CaptureReport r, JsonStreamWriter o) throws IOException {
        head(r, o);
        sessions(o, r.sessions(), 0, r.sessions().size());
        afterSessions(r, o);
        hosts(o, r.hosts(), 0, r.hosts().size());
        o.endArray().endObject();
        o.flush();
    }

    /**
     * Writes as {@link #write} does, on two threads: the end of it on a thread of its own (held in memory until the
     * rest is written), for the command line, whose other core is idle by then. A capture dense in proxy sessions
     * has tens of megabytes of them, and this was the last work of an import. The two parts are about the same size:
     * the end holds the hosts, a third of a session's size each, and on a usual capture there are five times as many
     * hosts as sessions. Cut after half the sessions, the end was half as large again as the rest (dense capture) or
     * three times as large (usual one).
     */
    public static void writeOnTwoThreads(CaptureReport r, JsonStreamWriter o) throws IOException {
        List<ProxySession> sessions = r.sessions();
        List<HostRecord> hosts = r.hosts();
        long half = (SESSION_SIZE * sessions.size() + hosts.size()) / 2;
        if (half < SESSION_SIZE * SESSIONS_WORTH_A_THREAD) {
            write(r, o);
            return;
        }
        // where the end begins: in the sessions, or else in the hosts (which then hold at least half, so some are
        // left for the end); at least one item before it either way
        int sessionsFirst = (int) Math.min(sessions.size(), Math.max(1, half / SESSION_SIZE));
        int hostsFirst = sessionsFirst < sessions.size() ? 0 : (int) Math.max(1, half - SESSION_SIZE * sessions.size());
        head(r, o);
        JsonStreamWriter end = o.branch(); // the hosts' array is as deep as the sessions' one
        Background<Void> second = Background.start("capture-json", () -> {
            try {
                if (hostsFirst == 0) {
                    sessions(end, sessions, sessionsFirst, sessions.size());
                    afterSessions(r, end);
                }
                hosts(end, hosts, hostsFirst, hosts.size());
                end.endArray().endObject();
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a branch writes into memory
            }
        });
        sessions(o, sessions, 0, sessionsFirst);
        if (hostsFirst > 0) {
            afterSessions(r, o);
            hosts(o, hosts, 0, hostsFirst);
        }
        second.join(() -> new InterruptedIOException("interrupted while the analysis's JSON was written"));
        o.append(end).flush();
    }

    /** How many hosts' JSON a session's is about as long as (480 bytes against 140-155, both captures of the benchmark). */
    private static final long SESSION_SIZE = 3;

    /** Below this many sessions' worth in each part, a second thread costs more than it saves. */
    private static final int SESSIONS_WORTH_A_THREAD = 2_000;

    /** Everything before the sessions, and the opening of their array. */
    private static void head(CaptureReport r, JsonStreamWriter o) throws IOException {
        o.beginObject();
        o.name("file").value(r.file().toString());
        o.name("format").value(r.format().word());
        o.name("sha256").value(r.sha256());
        o.name("packets").value(r.packets());
        o.name("flows").value(r.flowCount());
        o.name("tcp_flows").value(r.tcpFlows());
        o.name("udp_flows").value(r.udpFlows());
        o.name("bytes").value(r.bytes());
        o.name("elapsed_ms").value(r.elapsed().toMillis());
        o.name("partial").value(r.partial());
        if (r.problem().isPresent()) {
            o.name("error").value(r.problem().get());
        }
        o.name("malformed_packets").value(r.malformedPackets()); // of a listing: the socket lines left out
        if (r.leftOut().isPresent()) {
            o.name("left_out").value(r.leftOut().get());
        }
        o.name("ip_fragments").value(r.fragments());
        o.name("proxy_sessions").beginArray();
    }

    private static void sessions(JsonStreamWriter o, List<ProxySession> sessions, int from, int to) throws IOException {
        AddressTexts hosts = new AddressTexts();
        for (ProxySession s : sessions.subList(from, to)) {
            session(o, s, hosts); // per item, so that the JIT compiles it: a loop in a method called once runs interpreted
        }
    }

    /** A listing's addresses of a socket's use, named only where the listing shows some. */
    private static void addresses(JsonStreamWriter o, String name, List<String> addresses) throws IOException {
        if (!addresses.isEmpty()) {
            o.name(name).beginArray();
            for (String a : addresses) {
                o.value(a);
            }
            o.endArray();
        }
    }

    /** The end of the sessions' array, the listening sockets, and the opening of the hosts' array. */
    private static void afterSessions(CaptureReport r, JsonStreamWriter o) throws IOException {
        o.endArray();
        o.name("listening").beginArray();
        for (ListeningSocket l : r.listening()) {
            o.beginObject();
            o.name("socket").value(l.address());
            o.name("port").value(l.port());
            o.name("service").value(l.service());
            o.name("proxy_port").value(l.proxyPort());
            if (!l.process().isEmpty()) {
                o.name("process").value(l.process());
            }
            addresses(o, "clients", l.clients());
            addresses(o, "mail_servers", l.mailServers());
            o.endObject();
        }
        o.endArray();
        o.name("hosts").beginArray();
    }

    private static void hosts(JsonStreamWriter o, List<HostRecord> hosts, int from, int to) throws IOException {
        for (HostRecord h : hosts.subList(from, to)) {
            host(o, h); // per item, so that the JIT compiles it
        }
    }

    private static void session(JsonStreamWriter o, ProxySession s, AddressTexts hosts) throws IOException {
        Flow f = s.flow();
        o.beginObject();
        o.name("client").value(hosts.endpoint(f.clientAddress(), f.clientPort()));
        o.name("proxy").value(hosts.endpoint(f.serverAddress(), f.serverPort()));
        o.name("protocol").value(s.protocol());
        o.name("destination").value(s.destination());
        o.name("outcome").value(s.outcome().word());
        o.name("code").value(s.code());
        o.name("evidence").value(s.evidence());
        o.name("carries_smtp").value(s.carriesSmtp());
        o.name("smtp_messages").value(s.smtpMessages());
        o.name("smtp_recipients").value(s.smtpRecipients());
        o.name("flow").value(s.flow().number());
        if (s.hasRelayedFlow()) {
            o.name("relayed_flow").value(s.relayedFlowNumber());
        }
        o.endObject();
    }

    private static void host(JsonStreamWriter o, HostRecord h) throws IOException {
        o.beginObject();
        o.name("address").value(h.address());
        o.name("names").beginArray();
        for (String name : h.names()) {
            o.value(name);
        }
        o.endArray();
        o.name("roles").beginArray();
        for (String role : h.roles()) {
            o.value(role);
        }
        o.endArray();
        o.name("listening").beginArray();
        for (int port : h.listening()) {
            o.value(port);
        }
        o.endArray();
        o.endObject();
    }

    /**
     * What the summary groups sessions by: all but the client. Kept as fields, not as a line of text: a dense capture's
     * 74,000 sessions each made, hashed and compared such a line, a hundred milliseconds. equals and hashCode written
     * out, as a record's link through method handles.
     */
    private static final class GroupKey {
        private final String protocol;
        private final java.net.InetAddress proxy;
        private final int port;
        private final String destination;
        private final ProxySession.Outcome outcome;
        private final String code;

        GroupKey(ProxySession x) {
            protocol = x.protocol();
            proxy = x.flow().serverAddress();
            port = x.flow().serverPort();
            destination = x.destination();
            outcome = x.outcome();
            code = x.code();
        }

        /** The group as the summary names it. */
        String what(AddressTexts hosts) {
            return protocol + " via " + hosts.endpoint(proxy, port) + " to " + (destination.isEmpty() ? "-" : destination) + ": "
                    + outcome.word() + " (" + code + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey k && k.port == port && k.outcome == outcome && k.proxy.equals(proxy)
                    && k.destination.equals(destination) && k.protocol.equals(protocol) && java.util.Objects.equals(k.code, code);
        }

        @Override
        public int hashCode() {
            return ((((protocol.hashCode() * 31 + proxy.hashCode()) * 31 + port) * 31 + destination.hashCode()) * 31
                    + outcome.ordinal()) * 31 + java.util.Objects.hashCode(code);
        }
    }

    /** Sessions that differ only in their client, tallied as the summary shows them. */
    private static final class SessionGroup {
        final int firstFlow;
        final Set<java.net.InetAddress> clients = new HashSet<>();
        int sessions;
        int mail;
        int messages;
        int recipients;

        SessionGroup(ProxySession first) {
            firstFlow = first.flow().number();
        }
    }

    /** Adds {@code x} to its group; 1 when it was established, else 0. */
    private static int group(Map<GroupKey, SessionGroup> groups, ProxySession x) {
        GroupKey key = new GroupKey(x);
        SessionGroup g = groups.get(key);
        if (g == null) {
            g = new SessionGroup(x);
            groups.put(key, g);
        }
        g.sessions++;
        g.clients.add(x.flow().clientAddress());
        if (x.carriesSmtp()) {
            g.mail++;
        }
        g.messages += x.smtpMessages();
        g.recipients += x.smtpRecipients();
        return x.outcome() == ProxySession.Outcome.ESTABLISHED ? 1 : 0;
    }

    /** "1 message", "2 messages". */
    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * A few lines for a person: counts, the proxy sessions grouped by proxy, destination and outcome, and each
     * listener on a proxy port. {@code name} is how the first line names the capture: the analysed file may
     * be a case's stored copy, named by its hash.
     */
    public static String summary(CaptureReport r, String name) {
        StringBuilder s = new StringBuilder();
        if (r.format() == CaptureFormat.NETSTAT) { // sockets as a machine listed them: no packets, no bytes
            s.append(String.format(Locale.ROOT, "%s: netstat listing, %s (%d TCP, %d UDP), %s, %d ms%n", name,
                    plural(r.flowCount(), "connection"), r.tcpFlows(), r.udpFlows(), plural(r.listening().size(), "listening socket"),
                    r.elapsed().toMillis()));
        } else {
            s.append(String.format(Locale.ROOT, "%s: %s, %d packets, %d flows (%d TCP, %d UDP), %d bytes, %d ms%n",
                    name, r.format().word(), r.packets(), r.flowCount(), r.tcpFlows(), r.udpFlows(), r.bytes(),
                    r.elapsed().toMillis()));
        }
        s.append("  sha256 ").append(r.sha256()).append('\n');
        r.problem().ifPresent(p -> s.append("  PARTIAL: ").append(p).append('\n'));
        r.leftOut().ifPresent(p -> s.append("  LEFT OUT: ").append(p).append('\n'));
        // grouped: a busy proxy has thousands of sessions that differ only in the client
        Map<GroupKey, SessionGroup> groups = new LinkedHashMap<>();
        long established = 0;
        for (ProxySession x : r.sessions()) {
            established += group(groups, x); // per item, so that the JIT compiles it
        }
        s.append(String.format(Locale.ROOT, "  %d proxy sessions, %d established%n", r.sessions().size(), established));
        AddressTexts hosts = new AddressTexts();
        // the relays first, then the claims to relay, then the refusals, each in the capture's order, as the views list them
        List<Map.Entry<GroupKey, SessionGroup>> ranked = new ArrayList<>(groups.entrySet());
        ranked.sort(Comparator.comparingInt(e -> e.getKey().outcome.rank()));
        for (Map.Entry<GroupKey, SessionGroup> e : ranked) {
            GroupKey key = e.getKey();
            SessionGroup g = e.getValue();
            s.append(String.format(Locale.ROOT, "    %6d x %s; %s, first flow %d%s%n", g.sessions, key.what(hosts),
                    plural(g.clients.size(), "client"), g.firstFlow, g.mail == 0 ? ""
                            : "; " + g.mail + " carried SMTP: " + plural(g.messages, "message") + " to " + plural(g.recipients, "recipient")));
        }
        for (ListeningSocket l : r.onProxyPorts()) {
            s.append(String.format(Locale.ROOT, "  listening on a proxy port: %s%s%s%s%n", l.address(),
                    l.service().isEmpty() ? "" : " (" + l.service() + ")", l.owner().isEmpty() ? "" : ", " + l.owner(),
                    l.use().isEmpty() ? "" : "; " + l.use()));
        }
        return s.toString();
    }
}
