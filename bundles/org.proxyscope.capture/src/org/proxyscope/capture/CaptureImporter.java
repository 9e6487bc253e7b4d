package org.proxyscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import org.proxyscope.capture.internal.ByteSource;
import org.proxyscope.core.Background;
import org.proxyscope.core.HashingChannel;
import org.proxyscope.capture.internal.PacketSink;
import org.proxyscope.capture.internal.PcapReader;
import org.proxyscope.capture.internal.PcapngReader;
import org.proxyscope.core.Progress;
import org.proxyscope.core.model.AddressText;

/**
 * Reads a pcap, pcapng or netstat file in one streaming pass and reports its flows, proxy sessions,
 * listening sockets and hosts. The file's SHA-256 is computed on a second thread from the same reads.
 * <p>
 * The readers are written here by hand: no maintained pure-Java library reads pcapng (pkts reads only
 * pcap, pcap4j needs the native libpcap and is no longer maintained), and a hand-written reader lets the
 * importer stream any file size through one fixed buffer.
 */
public final class CaptureImporter {

    /** Bytes of each direction of a TCP connection kept for content analysis. */
    public static final int DEFAULT_REASSEMBLY_LIMIT = 64 * 1024;
    private static final long MEMORY_BUDGET = 128L << 20;
    private static final int BUFFER = 4 << 20;

    private final int reassemblyLimit;

    public CaptureImporter() {
        this(DEFAULT_REASSEMBLY_LIMIT);
    }

    public CaptureImporter(int reassemblyLimit) {
        if (reassemblyLimit < 0) {
            throw new IllegalArgumentException("the reassembly limit cannot be negative");
        }
        this.reassemblyLimit = reassemblyLimit;
    }

    /**
     * @throws CaptureFormatException when not even the start of the file is a capture or listing (empty
     *                                file, unknown magic); later breaks make a {@link CaptureReport#partial()} report
     * @throws IOException            when the file cannot be read
     */
    public CaptureReport read(Path file, Progress progress) throws IOException, CaptureFormatException {
        return read(file, null, progress);
    }

    /**
     * Reads a file whose SHA-256 is known already, such as a case's stored evidence, hashed as it was
     * stored and read-only since: the report takes {@code knownSha256} instead of hashing the file again.
     */
    public CaptureReport read(Path file, String knownSha256, Progress progress) throws IOException, CaptureFormatException {
        long started = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                HashingChannel hashing = knownSha256 == null ? new HashingChannel(channel, file) : null) {
            CaptureReport report = read(file, Files.size(file), hashing == null ? channel : hashing, progress);
            // A cancelled import is not hashed to the file's end: the analyst stopped it, and hashing the rest of
            // a large capture would keep them waiting for a hash of a report they threw away.
            return report.of(file, hashing == null ? knownSha256 : progress.cancelled() ? "" : hashing.sha256(), started);
        }
    }

    /**
     * Reads a capture of {@code size} bytes from {@code channel}, which yields {@code file} from its start (while
     * the evidence store copies and hashes it): the report's hash is left to the caller.
     */
    CaptureReport read(Path file, long size, ReadableByteChannel channel, Progress progress)
            throws IOException, CaptureFormatException {
        progress.begin("Reading " + file.getFileName(), size);
        byte[] head = new byte[(int) Math.min(size, 65536)];
        int headLength = 0;
        for (int n = 0; headLength < head.length && n >= 0; headLength += Math.max(n, 0)) {
            n = channel.read(ByteBuffer.wrap(head, headLength, head.length - headLength));
        }
        if (headLength == 0) {
            throw new CaptureFormatException(0, file.getFileName() + " is empty");
        }
        CaptureFormat format = recognise(head, headLength);
        if (format == null) {
            throw unrecognised(file, head, headLength);
        }
        ReadableByteChannel source = new ProgressChannel(new ReplayChannel(ByteBuffer.wrap(head, 0, headLength), channel), progress);
        return format == CaptureFormat.NETSTAT ? readListing(file, source) : readPackets(file, format, source, size, progress);
    }

    /** The bytes the format was recognised from, then the rest of the channel. */
    private record ReplayChannel(ByteBuffer head, ReadableByteChannel rest) implements ReadableByteChannel {

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!head.hasRemaining()) {
                return rest.read(dst);
            }
            int n = Math.min(head.remaining(), dst.remaining());
            dst.put(head.slice(head.position(), n));
            head.position(head.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return rest.isOpen();
        }

        @Override
        public void close() {
            // the importer's caller closes the channel
        }
    }

    private CaptureReport readPackets(Path file, CaptureFormat format, ReadableByteChannel channel, long size, Progress progress)
            throws IOException {
        FlowTable table = new FlowTable(reassemblyLimit, MEMORY_BUDGET);
        ByteSource source = new ByteSource(channel, BUFFER);
        String problem = null;
        try {
            readPackets(format, source, table, progress);
        } catch (CaptureFormatException e) {
            problem = e.getMessage();
        }
        if (progress.cancelled()) {
            problem = "cancelled at byte offset " + source.offset() + " of " + size;
        }
        table.finishAll();
        // what the flows alone show is gathered on a second core, idle once the file is read and hashed, while the
        // sessions are paired with the proxy's connections
        Background<FlowsShown> shown = Background.start("capture-hosts", () -> FlowsShown.of(table.flows));
        List<ProxySession> sessions = correlate(table.sessions, table.flows);
        FlowsShown flowsShown = shown.join(() -> new java.io.InterruptedIOException("interrupted while reading " + file.getFileName()));
        return new CaptureReport(file, format, "", table.packets, table.bytes, table.flows, table.tcpFlows, sessions, flowsShown.listening(),
                hosts(flowsShown, sessions, table.names), table.malformed, table.fragments,
                table.firstNanos == Long.MAX_VALUE ? 0 : table.firstNanos, table.lastNanos == Long.MIN_VALUE ? 0 : table.lastNanos,
                Duration.ZERO, Optional.ofNullable(problem));
    }

    /** Why {@code file}, which begins with {@code head}, cannot be read: it is in no format this plug-in reads. */
    static CaptureFormatException unrecognised(Path file, byte[] head, int length) {
        return new CaptureFormatException(0, file.getFileName() + " is no pcap, pcapng, netstat or ss file (it begins "
                + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(Math.max(length, 0), 8)) + ")");
    }

    /** The format the first bytes of a file show, or null when they show none. */
    static CaptureFormat recognise(byte[] head, int length) {
        if (PcapReader.recognises(head, length)) {
            return CaptureFormat.PCAP;
        }
        if (PcapngReader.recognises(head, length)) {
            return CaptureFormat.PCAPNG;
        }
        return NetstatListing.recognises(head, length) ? CaptureFormat.NETSTAT : null;
    }

    /** Feeds every packet of a pcap or pcapng file to {@code sink}. */
    static void readPackets(CaptureFormat format, ByteSource source, PacketSink sink, Progress progress)
            throws IOException, CaptureFormatException {
        if (format == CaptureFormat.PCAP) {
            PcapReader.read(source, sink, progress);
        } else {
            PcapngReader.read(source, sink, progress);
        }
    }

    private static CaptureReport readListing(Path file, ReadableByteChannel channel) throws IOException {
        InputStream in = Channels.newInputStream(channel);
        NetstatListing listing = NetstatListing.read(in);
        FlowsShown shown = FlowsShown.of(listing.connections, listing.listening);
        return new CaptureReport(file, CaptureFormat.NETSTAT, "", 0, 0, listing.connections, List.of(), shown.listening(),
                hosts(shown, List.of(), Map.of()), listing.leftOut, 0, 0, 0, Duration.ZERO, Optional.ofNullable(listing.problem));
    }

    /**
     * Pairs each proxy session with the proxy host's own connection to the destination, when the capture has
     * it: the first unclaimed connection from the proxy host to that port (and address, when the client named
     * one) that opened while the session was open. Without time stamps (simple packet blocks) nothing is paired.
     */
    private static List<ProxySession> correlate(List<ProxySession> sessions, List<Flow> flows) {
        // the proxy hosts' outbound connections by (its address, destination port), in order of opening:
        // a session then looks only at those that opened while it was open. Only a proxy's own connections are
        // looked at: a list for every client of a capture dense in sessions was a third of the pairing's time.
        Set<java.net.InetAddress> proxies = new java.util.HashSet<>();
        sessions.forEach(s -> proxies.add(s.flow().serverAddress()));
        Map<Endpoint, List<Flow>> outbound = new HashMap<>();
        for (Flow f : flows) {
            addOutbound(outbound, proxies, f); // per flow, so that the JIT compiles it (see PcapReader)
        }
        outbound.values().forEach(list -> list.sort(Comparator.comparingLong(Flow::firstNanos)));
        // by flow number: a session's own flow, or an onward connection a session was paired with
        java.util.BitSet claimed = new java.util.BitSet(flows.size() + 1);
        sessions.forEach(s -> claimed.set(s.flow().number()));
        // a busy proxy relays thousands of sessions to a few destinations: each is read once
        Map<String, Target> targets = new HashMap<>();
        List<ProxySession> paired = new ArrayList<>(sessions.size());
        Set<java.net.InetAddress> seenRelaying = new java.util.HashSet<>();
        for (ProxySession s : sessions) {
            ProxySession p = pair(s, targets.computeIfAbsent(s.destination(), Target::of), outbound, claimed); // per session, so that the JIT compiles it (see PcapReader)
            paired.add(p);
            if (p.hasRelayedFlow()) {
                seenRelaying.add(p.flow().serverAddress());
            }
        }
        if (seenRelaying.isEmpty()) {
            return paired;
        }
        // the capture shows this proxy's onward connections: a session it claims to have relayed without one is unproven
        List<ProxySession> judged = new ArrayList<>(paired.size());
        for (ProxySession s : paired) {
            judged.add(s.outcome() == ProxySession.Outcome.ESTABLISHED && !s.hasRelayedFlow() && s.flow().firstNanos() != 0
                    && seenRelaying.contains(s.flow().serverAddress())
                    ? s.judged(ProxySession.Outcome.UNVERIFIED, UNPAIRED + " none to " + s.destination() + " while this one was open;"
                            + " what the proxy answered: " + s.evidence(), OptionalInt.empty())
                    : s);
        }
        return judged;
    }

    /**
     * Where a session's client asked to go: the port, and the address when the client named one by its address
     * (null for a host name). {@link #NONE} when the destination names no port.
     */
    private record Target(java.net.InetAddress named, int port) {

        static final Target NONE = new Target(null, -1);

        /** Reads {@code host:port} or {@code [v6]:port}. */
        static Target of(String destination) {
            return AddressText.hostPort(destination)
                    .map(named -> new Target(AddressText.literal(named.host()).orElse(null), named.port()))
                    .orElse(NONE);
        }
    }

    private static void addOutbound(Map<Endpoint, List<Flow>> outbound, Set<java.net.InetAddress> proxies, Flow f) {
        if (f.firstNanos() != 0 && proxies.contains(f.clientAddress())) {
            outbound.computeIfAbsent(new Endpoint(f.clientAddress(), f.serverPort()), k -> new ArrayList<>()).add(f);
        }
    }

    /**
     * The session with the proxy host's connection it relayed to, when the capture holds one: the first
     * unclaimed one that opened while the session was open, or else one opened before on which the proxy began a
     * request while the session was open (a proxy reuses a kept-alive connection to the origin for several
     * clients). A connection that was merely still open, or closing, then relayed nothing of it: on a host with two
     * proxies, one's connection to an origin may end just after the other's client came.
     */
    private static ProxySession pair(ProxySession s, Target target, Map<Endpoint, List<Flow>> outbound, java.util.BitSet claimed) {
        if (s.outcome() == ProxySession.Outcome.REFUSED || s.flow().firstNanos() == 0 || target == Target.NONE) {
            return s;
        }
        java.net.InetAddress named = target.named();
        List<Flow> candidates = outbound.getOrDefault(new Endpoint(s.flow().serverAddress(), target.port()), List.of());
        int first = firstOpenedAtOrAfter(candidates, s.flow().firstNanos());
        for (int i = first; i < candidates.size(); i++) {
            Flow f = candidates.get(i);
            if (f.firstNanos() > s.flow().lastNanos()) {
                break;
            }
            if (!claimed.get(f.number()) && (named == null || named.equals(f.serverAddress()))) {
                claimed.set(f.number());
                return s.relayedBy(f); // the proxy's own connection settles it, whatever came back through the tunnel
            }
        }
        for (int i = first - 1; i >= Math.max(0, first - KEPT_ALIVE_LOOKBACK); i--) {
            Flow f = candidates.get(i);
            boolean carried = f.requestedBetween(s.flow().firstNanos(), s.flow().lastNanos());
            if (carried && f != s.flow() && (named == null || named.equals(f.serverAddress()))) {
                return s.relayedBy(f);
            }
        }
        return s;
    }

    /** How the evidence of a session begins when the capture held the proxy's onward connections, but not for it. */
    private static final String UNPAIRED = "the capture holds the proxy's own connections for other sessions, but";

    /** How many of the proxy's earlier connections to a port {@link #pair} looks through for one still open. */
    private static final int KEPT_ALIVE_LOOKBACK = 64;

    /** Index of the first flow (in order of opening) that opened at or after {@code nanos}. */
    private static int firstOpenedAtOrAfter(List<Flow> byOpening, long nanos) {
        int low = 0;
        int high = byOpening.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (byOpening.get(mid).firstNanos() < nanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Server sockets that answered, with the service most of their flows spoke. */
    private static List<ListeningSocket> listening(List<Flow> flows) {
        // flows per service, by the service's ordinal: a boxed count in a map for each of a dense capture's
        // hundred thousand flows was work for the collector
        Map<Endpoint, int[]> seen = new HashMap<>();
        for (Flow f : flows) {
            countService(seen, f); // per flow, so that the JIT compiles it (see PcapReader)
        }
        List<ListeningSocket> sockets = new ArrayList<>();
        List<Endpoint> answered = new ArrayList<>(seen.keySet());
        answered.sort(null); // by address, by number
        for (Endpoint endpoint : answered) {
            int[] counts = seen.get(endpoint);
            Service main = Service.UNKNOWN;
            int most = 0;
            for (Service s : SERVICES) {
                if (s != Service.UNKNOWN && counts[s.ordinal()] > most) {
                    main = s; // the first of equals, in the order services are declared
                    most = counts[s.ordinal()];
                }
            }
            sockets.add(new ListeningSocket(endpoint.toString(), endpoint.port(), main.word(), ""));
        }
        return sockets;
    }

    private static void countService(Map<Endpoint, int[]> seen, Flow f) {
        if (f.transport() == Flow.Transport.TCP && f.serverAnswered()) {
            seen.computeIfAbsent(f.server(), k -> new int[SERVICES.length])[f.service().ordinal()]++;
        }
    }

    private static final Service[] SERVICES = Service.values();

    /**
     * The roles a host can have, bit by bit, in the order a host's roles are named: what it did as a proxy first, then
     * what it did through one, then its other services. A host keeps a mask, and hosts with the same roles share one
     * set of their names. A capture dense in proxy sessions has tens of thousands of client hosts, and a set of roles
     * each was work for the collector as the import ended.
     */
    private static final List<String> ROLES = List.of(HostRecord.PROXY, HostRecord.CLAIMS_TO_RELAY, HostRecord.REFUSING_PROXY,
            "mail sender through a proxy", "proxy client", "mail server", "mail client", "web server", "web client", "TLS server",
            "TLS client");
    private static final int PROXY = 1;
    private static final int CLAIMS_TO_RELAY = 1 << 1;
    private static final int REFUSING_PROXY = 1 << 2;
    private static final int MAIL_SENDER_THROUGH_PROXY = 1 << 3;
    private static final int PROXY_CLIENT = 1 << 4;
    private static final int MAIL_SERVER = 1 << 5;
    private static final int MAIL_CLIENT = 1 << 6;
    private static final int WEB_SERVER = 1 << 7;
    private static final int WEB_CLIENT = 1 << 8;
    private static final int TLS_SERVER = 1 << 9;
    private static final int TLS_CLIENT = 1 << 10;

    /** What the capture shows of one host; one look-up per flow end instead of one per map. */
    private static final class HostTally {
        /** The address's bytes, to sort the hosts by: a copy made by each comparison was a tenth of what the tallies allocated. */
        final byte[] bytes;
        final String address;
        int roles;
        /** Ports it answered on, made for the hosts that answered at all. */
        TreeSet<Integer> listening;
        int asClient;
        int asServer;

        HostTally(java.net.InetAddress address) {
            this.bytes = address.getAddress();
            this.address = AddressText.of(address);
        }

        HostRecord record(Map<String, TreeSet<String>> names, Map<Integer, Set<String>> roleSets) {
            Set<String> named = names.get(address);
            return new HostRecord(address, named == null ? Set.of() : named, roleSets.computeIfAbsent(roles, HostTally::roleNames),
                    listening == null ? List.of() : List.copyOf(listening), asClient, asServer);
        }

        private static Set<String> roleNames(int mask) {
            Set<String> names = new java.util.LinkedHashSet<>();
            for (int bit = 0; bit < ROLES.size(); bit++) {
                if ((mask & 1 << bit) != 0) {
                    names.add(ROLES.get(bit));
                }
            }
            return java.util.Collections.unmodifiableSet(names);
        }
    }

    private static void tally(Map<java.net.InetAddress, HostTally> tallies, Flow f) {
        HostTally client = tallies.computeIfAbsent(f.clientAddress(), HostTally::new);
        HostTally server = tallies.computeIfAbsent(f.serverAddress(), HostTally::new);
        client.asClient++;
        server.asServer++;
        if (f.serverAnswered() && f.transport() == Flow.Transport.TCP) {
            if (server.listening == null) {
                server.listening = new TreeSet<>();
            }
            server.listening.add(f.serverPort());
        }
        switch (f.service()) {
            case SMTP -> {
                server.roles |= MAIL_SERVER;
                client.roles |= MAIL_CLIENT;
            }
            case HTTP -> {
                server.roles |= WEB_SERVER;
                client.roles |= WEB_CLIENT;
            }
            case TLS -> {
                server.roles |= TLS_SERVER;
                client.roles |= TLS_CLIENT;
            }
            default -> { }
        }
    }

    /** The listening sockets, and each host's tally in the order of their addresses (by number): what the flows alone show. */
    private record FlowsShown(List<ListeningSocket> listening, Map<java.net.InetAddress, HostTally> tallies, List<HostTally> ordered) {

        /** What a capture's flows show, the sockets that answered among it. */
        static FlowsShown of(List<Flow> flows) {
            return of(flows, CaptureImporter.listening(flows));
        }

        /** What the flows show besides {@code listening}, known otherwise (a netstat listing names them). */
        static FlowsShown of(List<Flow> flows, List<ListeningSocket> listening) {
            Map<java.net.InetAddress, HostTally> tallies = new HashMap<>();
            for (Flow f : flows) {
                tally(tallies, f); // per flow, so that the JIT compiles it (see PcapReader)
            }
            List<HostTally> ordered = new ArrayList<>(tallies.values());
            ordered.sort((a, b) -> AddressText.compare(a.bytes, b.bytes));
            return new FlowsShown(listening, tallies, ordered);
        }
    }

    private static List<HostRecord> hosts(FlowsShown shown, List<ProxySession> sessions, Map<String, TreeSet<String>> names) {
        for (ProxySession s : sessions) {
            sessionRoles(shown.tallies(), s); // per session, so that the JIT compiles it (see PcapReader)
        }
        Map<Integer, Set<String>> roleSets = new HashMap<>();
        List<HostRecord> hosts = new ArrayList<>(shown.ordered().size());
        for (HostTally t : shown.ordered()) {
            hosts.add(t.record(names, roleSets));
        }
        return hosts;
    }

    private static void sessionRoles(Map<java.net.InetAddress, HostTally> tallies, ProxySession s) {
        HostTally client = tallies.get(s.flow().clientAddress());
        // a proxy only where it relayed: one that claimed to without proof is named for what it did
        tallies.get(s.flow().serverAddress()).roles |= switch (s.outcome()) {
            case ESTABLISHED -> PROXY;
            case UNVERIFIED -> CLAIMS_TO_RELAY;
            case REFUSED -> REFUSING_PROXY;
        };
        client.roles |= s.carriesSmtp() ? PROXY_CLIENT | MAIL_SENDER_THROUGH_PROXY : PROXY_CLIENT;
    }

    /** Reports progress as the reader pulls bytes. */
    private record ProgressChannel(ReadableByteChannel channel, Progress progress) implements ReadableByteChannel {

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            if (n > 0) {
                progress.advance(n);
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            // the importer closes the file
        }
    }
}
