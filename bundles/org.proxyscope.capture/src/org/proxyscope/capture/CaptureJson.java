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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

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
        write(r, o, new AddressTexts());
    }

    /** As {@link #write(CaptureReport, JsonStreamWriter)}, with the import's address texts, which other threads share. */
    static void write(CaptureReport r, JsonStreamWriter o, AddressTexts addresses) throws IOException {
        head(r, o);
        Items items = new Items(r);
        items.write(o, 0, items.count(), new Texts(addresses));
        o.endArray().endObject();
        o.flush();
    }

    /**
     * Writes as {@link #write} does, on two threads, for the command line, whose other core is idle by then: a
     * capture dense in proxy sessions has tens of megabytes of them, and this was the last work of an import. The
     * sessions and hosts are written in parts of about {@link #PART} sessions' worth, every other part on a second
     * thread into memory, appended here in turn. Parts rather than halves: the second half, held until the first
     * was written, was 22 MB of new memory, and on a virtual machine the kernel's zeroing of each new page took half
     * of that thread's time. A few parts' buffers are reused instead.
     */
    public static void writeOnTwoThreads(CaptureReport r, JsonStreamWriter o) throws IOException {
        Items items = new Items(r);
        int parts = (int) Math.min(items.count(), items.weight() / PART);
        if (parts < 2) {
            write(r, o);
            return;
        }
        head(r, o);
        JsonStreamWriter inTheArray = o.branch(); // never written: every part begins as deep as the sessions' array
        BlockingQueue<JsonStreamWriter> written = new ArrayBlockingQueue<>(2);
        AddressTexts addresses = new AddressTexts();
        Background<Void> second = Background.start("capture-json", () -> {
            Texts texts = new Texts(addresses);
            try {
                for (int part = 1; part < parts; part += 2) {
                    JsonStreamWriter branch = inTheArray.branch();
                    items.write(branch, items.start(part, parts), items.start(part + 1, parts), texts);
                    written.put(branch);
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a branch writes into memory
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null; // the writer here has stopped waiting
            }
        });
        Texts texts = new Texts(addresses);
        for (int part = 0; part < parts; part += 2) {
            items.write(o, items.start(part, parts), items.start(part + 1, parts), texts);
            if (part + 1 < parts) {
                o.append(next(written, second));
            }
        }
        o.endArray().endObject().flush();
    }

    /** The second thread's next part; what it threw, if it ended without one. */
    private static JsonStreamWriter next(BlockingQueue<JsonStreamWriter> written, Background<Void> second) throws IOException {
        try {
            for (;;) {
                JsonStreamWriter part = written.poll(10, TimeUnit.MILLISECONDS);
                if (part != null) {
                    return part;
                }
                if (second.isDone()) {
                    second.join(() -> new InterruptedIOException("interrupted while the analysis's JSON was written"));
                    part = written.poll(); // put just before it ended
                    if (part == null) {
                        throw new IllegalStateException("the second thread of the analysis's JSON ended a part short");
                    }
                    return part;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the analysis's JSON was written");
        }
    }

    /** How many hosts' JSON a session's is about as long as (480 bytes against 140-155, both captures of the benchmark). */
    private static final long SESSION_SIZE = 3;

    /** A part's size, in hosts' worth (a session is {@link #SESSION_SIZE}): about 0.5 MB. A second thread is used from two parts on. */
    private static final long PART = 1_000 * SESSION_SIZE;

    /**
     * The sessions, then the hosts, as one list of items, with what stands between them: the sessions' array's end,
     * the listening sockets and the hosts' array's beginning.
     */
    private record Items(CaptureReport report, List<ProxySession> sessions, List<HostRecord> hosts) {

        Items(CaptureReport report) {
            this(report, report.sessions(), report.hosts());
        }

        int count() {
            return sessions.size() + hosts.size();
        }

        /** The length of all the items' JSON, in hosts' worth. */
        long weight() {
            return SESSION_SIZE * sessions.size() + hosts.size();
        }

        /** The first item of part {@code part} of {@code parts} of about equal weight; {@link #count} past the last. */
        int start(int part, int parts) {
            long at = weight() * part / parts;
            long inSessions = SESSION_SIZE * sessions.size();
            return (int) (at <= inSessions ? (at + SESSION_SIZE - 1) / SESSION_SIZE : sessions.size() + at - inSessions);
        }

        /** Writes items {@code from} to {@code to} (excluded), and what stands between the sessions and the hosts if it falls there. */
        void write(JsonStreamWriter o, int from, int to, Texts texts) throws IOException {
            int n = sessions.size();
            for (int i = from; i < Math.min(to, n); i++) {
                session(o, sessions.get(i), texts.addresses()); // per item, so that the JIT compiles it: a loop in a method called once runs interpreted
            }
            if (from <= n && (to > n || to == count())) {
                afterSessions(report, o);
            }
            for (int i = Math.max(from, n); i < to; i++) {
                host(o, hosts.get(i - n), texts.roles()); // per item, so that the JIT compiles it
            }
        }
    }

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

    private static void session(JsonStreamWriter o, ProxySession s, AddressTexts hosts) throws IOException {
        Flow f = s.flow();
        o.beginObject();
        // each end written in parts: a String for each, most of them named once, was a tenth of what the JSON allocated
        o.name("client").beginString().part(hosts.beforePort(f.clientAddress())).part(f.clientPort()).endString();
        o.name("proxy").beginString().part(hosts.beforePort(f.serverAddress())).part(f.serverPort()).endString();
        o.name("protocol").value(s.protocol());
        o.name("destination").value(s.destination());
        o.name("outcome").value(s.outcome().word());
        o.name("code").value(s.code());
        s.writeEvidence(o.name("evidence"));
        o.name("carries_smtp").value(s.carriesSmtp());
        o.name("smtp_messages").value(s.smtpMessages());
        o.name("smtp_recipients").value(s.smtpRecipients());
        o.name("flow").value(s.flow().number());
        if (s.hasRelayedFlow()) {
            o.name("relayed_flow").value(s.relayedFlowNumber());
        }
        o.endObject();
    }

    private static void host(JsonStreamWriter o, HostRecord h, RoleTexts roles) throws IOException {
        o.beginObject();
        o.name("address").value(h.address());
        o.name("names").beginArray();
        if (!h.names().isEmpty()) { // an iterator of each of three collections per host was a tenth of what the JSON allocated
            for (String name : h.names()) {
                o.value(name);
            }
        }
        o.endArray();
        o.name("roles").beginArray();
        for (String role : roles.of(h)) {
            o.value(role);
        }
        o.endArray();
        o.name("listening").beginArray();
        List<Integer> listening = h.listening();
        for (int i = 0; i < listening.size(); i++) {
            o.value(listening.get(i));
        }
        o.endArray();
        o.endObject();
    }

    /** The texts a thread writing the JSON makes once and writes many times: the addresses' shared with other threads. */
    private record Texts(AddressTexts addresses, RoleTexts roles) {

        Texts(AddressTexts addresses) {
            this(addresses, new RoleTexts());
        }
    }

    /** Each host's roles as an array, made once per set of them: hosts with the same roles share one set. One per thread. */
    private static final class RoleTexts {

        private final Map<Set<String>, String[]> arrays = new java.util.IdentityHashMap<>();

        String[] of(HostRecord h) {
            return arrays.computeIfAbsent(h.roles(), roles -> roles.toArray(String[]::new));
        }
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
