package org.proxyscope.capture.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.capture.ListeningSocket;
import org.proxyscope.capture.ProxySession.Outcome;
import org.proxyscope.capture.SessionTimeline;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.Phrases;
import org.proxyscope.core.model.ScopeEntry;
import org.proxyscope.report.BarChart;
import org.proxyscope.report.Contribution;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportTime;
import org.proxyscope.report.ReportWriter;

/**
 * The report's capture findings: for each capture the case imported, its proxy sessions by protocol and
 * outcome, the mail they carried, the busiest clients and destinations, and since when the host relays, with
 * charts of the sessions over time and by protocol.
 */
public final class CaptureFindingsSection implements ReportSection {

    private static final int TOP = 10;
    private static final List<Outcome> OUTCOMES = List.of(Outcome.ESTABLISHED, Outcome.UNVERIFIED, Outcome.REFUSED);

    @Override
    public String id() {
        return "org.proxyscope.capture.findings";
    }

    @Override
    public String title() {
        return "Capture findings";
    }

    @Override
    public int order() {
        return 400;
    }

    private static List<KeptCapture> captures(ReportContext context) throws WorkspaceException {
        return context.once("org.proxyscope.capture.imports",
                () -> CaptureRecords.of(context.workspace()).list(context.subject().id()));
    }

    /** The imports with their sessions counted, not read: what {@link #hasContent} and {@link #contribute} need. */
    private static List<CaptureRecords.Tally> tallies(ReportContext context) throws WorkspaceException {
        return context.once("org.proxyscope.capture.tallies",
                () -> CaptureRecords.of(context.workspace()).tallies(context.subject().id()));
    }

    @Override
    public boolean hasContent(ReportContext context) throws WorkspaceException {
        return !tallies(context).isEmpty();
    }

    @Override
    public Optional<Contribution> contribute(ReportContext context) throws WorkspaceException {
        List<CaptureRecords.Tally> tallies = tallies(context);
        if (tallies.isEmpty()) {
            return Optional.empty();
        }
        Predicate<String> theHost = theHost(context.subject());
        Set<Integer> openPorts = new TreeSet<>();
        List<ListeningSocket> inUse = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        List<Contribution.Exposure> exposed = new ArrayList<>();
        List<CaptureRecords.SessionGroup> relayed = new ArrayList<>();
        Set<String> otherProxies = new TreeSet<>();
        int elsewhere = 0;
        List<Integer> proof = new ArrayList<>();
        boolean claimed = false;
        for (CaptureRecords.Tally t : tallies) {
            KeptCapture c = t.capture();
            List<CaptureRecords.SessionGroup> established = new ArrayList<>();
            List<CaptureRecords.SessionGroup> others = new ArrayList<>();
            for (CaptureRecords.SessionGroup g : t.groups()) {
                if (g.outcome() == Outcome.ESTABLISHED) {
                    (theHost.test(g.proxyHost()) ? established : others).add(g);
                }
            }
            relayed.addAll(established);
            elsewhere += count(others);
            others.forEach(g -> otherProxies.add(g.proxyHost()));
            if (!established.isEmpty()) {
                proof.add(c.evidence()); // the capture itself; complaints attach it when it is small enough
            }
            claimed |= t.groups().stream().anyMatch(g -> g.outcome() == Outcome.UNVERIFIED && theHost.test(g.proxyHost()));
            // the groups come in the order their first session was found, as the ports are named
            for (CaptureRecords.SessionGroup g : established) {
                Contribution.Exposure e = new Contribution.Exposure(g.proxyPort(), g.protocol());
                if (!exposed.contains(e)) {
                    exposed.add(e);
                }
            }
            List<ListeningSocket> listeners = listenersOfTheHost(c, theHost);
            listeners.forEach(l -> openPorts.add(l.port()));
            listeners.stream().filter(l -> !l.use().isEmpty()).forEach(inUse::add);
            summary.add(sessionsOf(t, established, others) + (listeners.isEmpty() ? "" : " It shows " + listeners.size()
                    + (listeners.size() == 1 ? " socket" : " sockets") + " of the host listening on proxy ports: " + listening(listeners)
                    + "."));
        }
        if (!relayed.isEmpty()) {
            String ports = exposed.isEmpty() ? "" : " (" + Contribution.Exposure.describe(exposed) + ")";
            return Optional.of(new Contribution(Contribution.Standing.RELAYS, "Captured traffic shows " + count(relayed)
                    + " sessions relayed through the host" + ports + ".", summary, exposed,
                    Optional.of(instant(firstOf(relayed))), Optional.of(instant(lastOf(relayed))), proof));
        }
        if (!openPorts.isEmpty()) {
            // a port open on the host is reason to look, not proof: a firewall may keep it from the Internet. "No capture",
            // not "the captured traffic": the port may be known from a listing, which holds no traffic
            return Optional.of(new Contribution(Contribution.Standing.INCONCLUSIVE, "Proxy ports are open on the host ("
                    + String.join(", ", openPorts.stream().map(String::valueOf).toList()) + "), but no capture shows a session relayed"
                    + " through it." + inUse(inUse), summary, List.of(), Optional.empty(), Optional.empty(), List.of()));
        }
        if (elsewhere > 0) {
            // relaying by another address proves nothing against this customer; behind a router, the PC's own
            // address is the proxy in the capture, and the analyst names it in the scope
            return Optional.of(new Contribution(Contribution.Standing.INCONCLUSIVE, "Captured traffic shows " + elsewhere
                    + " sessions relayed through other hosts (" + Phrases.firstFew(otherProxies) + "), none through "
                    + context.subject().target() + " or the other hosts of its scope.", summary, List.of(), Optional.empty(),
                    Optional.empty(), List.of()));
        }
        return Optional.of(new Contribution(claimed ? Contribution.Standing.INCONCLUSIVE : Contribution.Standing.NO_RELAY,
                claimed ? "Captured traffic shows proxy answers, but no session that reached its destination."
                        : "Captured traffic shows no relayed session.", summary, List.of(), Optional.empty(), Optional.empty(),
                List.of()));
    }

    /** The sentence on one capture: its sessions, those relayed through the host, and those through other hosts. */
    private static String sessionsOf(CaptureRecords.Tally t, List<CaptureRecords.SessionGroup> established,
            List<CaptureRecords.SessionGroup> others) {
        KeptCapture c = t.capture();
        String what = (c.listing() ? "The listing " : "The capture ") + c.fileName()
                + " (evidence #" + c.evidence() + ") holds ";
        int all = t.sessions();
        if (all == 0) {
            return what + "no proxy session.";
        }
        StringBuilder text = new StringBuilder(what + all + (all == 1 ? " proxy session; " : " proxy sessions; "));
        int elsewhere = count(others);
        String hosts = others.isEmpty() ? "" : " relayed through other hosts ("
                + Phrases.firstFew(new TreeSet<>(others.stream().map(CaptureRecords.SessionGroup::proxyHost).toList())) + ").";
        if (established.isEmpty()) {
            return text.append("none was relayed to its destination").append(others.isEmpty() ? "." : " through the case's host; "
                    + elsewhere + were(elsewhere) + hosts).toString();
        }
        int relayed = count(established);
        text.append(relayed).append(were(relayed)).append(" relayed to their destination")
                .append(others.isEmpty() ? "" : " through the case's host");
        int messages = established.stream().mapToInt(CaptureRecords.SessionGroup::smtpMessages).sum();
        text.append(", the first at ").append(utc(firstOf(established))).append(" and the last at ").append(utc(lastOf(established)))
                .append(messages == 0 ? "." : ", carrying " + messages + (messages == 1 ? " mail message." : " mail messages."));
        return others.isEmpty() ? text.toString() : text.append(' ').append(elsewhere).append(" more").append(were(elsewhere))
                .append(hosts).toString();
    }

    private static int count(List<CaptureRecords.SessionGroup> groups) {
        return groups.stream().mapToInt(CaptureRecords.SessionGroup::sessions).sum();
    }

    /** When the earliest of the groups' sessions began; sessions of unknown time (0) count as the others do. */
    private static long firstOf(List<CaptureRecords.SessionGroup> groups) {
        return groups.stream().mapToLong(CaptureRecords.SessionGroup::firstNanos).min().orElse(0);
    }

    private static long lastOf(List<CaptureRecords.SessionGroup> groups) {
        return groups.stream().mapToLong(CaptureRecords.SessionGroup::lastNanos).max().orElse(0);
    }

    private static String were(int n) {
        return n == 1 ? " was" : " were";
    }

    /**
     * Whether an address is the case's host: its target or another address of its scope. A capture of a router's
     * line shows the PC's address behind it as the proxy; naming that address in the scope makes it the host's. A
     * case that names no address (a DNS name, never looked up) counts every address.
     */
    private static Predicate<String> theHost(Case subject) {
        Set<Host> hosts = new HashSet<>();
        if (subject.target().isAddress()) {
            hosts.add(subject.target());
        }
        subject.scope().entries().stream().map(ScopeEntry::host).filter(Host::isAddress).forEach(hosts::add);
        if (hosts.isEmpty()) {
            return address -> true;
        }
        Map<String, Boolean> known = new HashMap<>();
        return address -> known.computeIfAbsent(address, text -> hosts.contains(Host.parse(text)));
    }

    /**
     * The sockets on proxy ports that were the host's. A netstat listing is made on the machine under
     * investigation, so all of its sockets are (0.0.0.0, or the PC's own address behind a router); in traffic,
     * those of the host's addresses.
     */
    private static List<ListeningSocket> listenersOfTheHost(KeptCapture c, Predicate<String> theHost) {
        if (c.listing()) {
            // one bound to loopback serves the machine alone (a local filtering proxy, say), never another host
            return c.listening().stream().filter(l -> !l.loopbackOnly()).toList();
        }
        return c.listening().stream().filter(l -> theHost.test(l.address().substring(0, l.address().lastIndexOf(':')))).toList();
    }

    /**
     * What listings show of those sockets' use: the other hosts connected to them, and the mail servers their process
     * connects to. Both together are how a trojan's proxy looks on the customer's PC, yet they are a moment's
     * connections, not a session seen relayed: proof is the canary's, or traffic's.
     */
    private static String inUse(List<ListeningSocket> sockets) {
        if (sockets.isEmpty()) {
            return "";
        }
        // by process: one program on 8080 and 1080 is one finding, with the same mail servers
        Map<String, List<ListeningSocket>> byOwner = new LinkedHashMap<>();
        sockets.forEach(l -> byOwner.computeIfAbsent(l.owner().isEmpty() ? l.address() : l.owner(), k -> new ArrayList<>()).add(l));
        List<String> findings = new ArrayList<>();
        boolean relayPattern = false;
        for (List<ListeningSocket> owned : byOwner.values()) {
            ListeningSocket first = owned.get(0);
            Set<String> clients = new LinkedHashSet<>();
            Set<String> mail = new LinkedHashSet<>();
            owned.forEach(l -> {
                clients.addAll(l.clients());
                mail.addAll(l.mailServers());
            });
            List<String> ports = owned.stream().map(l -> String.valueOf(l.port())).distinct().toList();
            String who = first.owner().isEmpty() ? "the socket " + first.address()
                    : first.owner() + ", listening on proxy " + (ports.size() == 1 ? "port " : "ports ") + Phrases.and(ports) + ",";
            List<String> use = new ArrayList<>();
            if (!clients.isEmpty()) {
                use.add("holding connections from " + Phrases.firstFew(clients));
            }
            if (!mail.isEmpty()) {
                use.add("connecting to port 25 of " + Phrases.firstFew(mail));
            }
            findings.add(who + " " + String.join(" and ", use));
            relayPattern |= !clients.isEmpty() && !mail.isEmpty();
        }
        return " The listing shows " + String.join("; ", findings) + (relayPattern ? ": the pattern of a proxy relaying mail, which a"
                + " probe with the canary or a capture of the host's traffic can prove." : ".");
    }

    /** "0.0.0.0:8080 (wupdate.exe) and [::]:1080": the first few, and how many more. */
    private static String listening(List<ListeningSocket> sockets) {
        return Phrases.firstFew(sockets.stream().map(l -> l.address() + (l.owner().isEmpty() ? "" : " (" + l.owner() + ")")).toList());
    }

    @Override
    public void write(ReportContext context, ReportWriter out) throws WorkspaceException {
        out.paragraph("A session is established only when the destination's own reply came back through the proxy; an"
                + " answer the proxy gave itself is refused or unverified, never proof of a relay.");
        for (KeptCapture c : captures(context)) {
            writeCapture(c, out);
        }
    }

    private static void writeCapture(KeptCapture c, ReportWriter out) {
        out.heading("Evidence #" + c.evidence() + ": " + c.fileName());
        List<String[]> facts = new ArrayList<>();
        boolean listing = c.listing();
        facts.add(new String[] {"Format", listing ? "netstat listing" : c.format() + ", " + c.packets() + " packets, " + c.bytes() + " bytes"});
        facts.add(new String[] {"Flows", c.flows() + " (" + c.tcpFlows() + " TCP, " + c.udpFlows() + " UDP)"});
        if (c.firstNanos() > 0) {
            facts.add(new String[] {"Captured", ReportTime.span(instant(c.firstNanos()), instant(c.lastNanos()))});
        }
        facts.add(new String[] {"SHA-256", c.sha256()});
        // the analysis in force: the import's, or a later one of the same stored file (the custody log has each)
        facts.add(new String[] {"Analysed", utc(c.imported()) + " by " + c.analyst()
                + c.analysis().stream().mapToObj(n -> ", analysis kept as evidence #" + n).findFirst().orElse("")});
        c.problem().ifPresent(p -> facts.add(new String[] {"Damaged", p + "; the findings cover what came before"}));
        if (!c.leftOut().isEmpty()) {
            facts.add(new String[] {"Left out", c.leftOut()});
        }
        out.facts(facts);
        if (!c.listening().isEmpty()) {
            out.heading("Listening on proxy ports");
            List<String> columns = new ArrayList<>(List.of("Socket", "Service", "Process"));
            boolean used = c.listening().stream().anyMatch(l -> !l.use().isEmpty());
            if (used) {
                columns.add("In use");
            }
            out.table(columns, used ? new float[] {22, 13, 20, 45} : new float[] {40, 30, 30}, c.listening().stream()
                    .map(l -> {
                        String[] row = {l.address(), l.service().isEmpty() ? "not told" : l.service(),
                                l.owner().isEmpty() ? (listing ? "not listed" : "not in traffic") : l.owner(),
                                l.use()};
                        return used ? row : Arrays.copyOf(row, 3);
                    })
                    .toList());
        }
        if (c.sessions().isEmpty()) {
            out.paragraph(listing ? "No proxy session was found in this listing." : "No proxy session was found in this capture.");
            return;
        }
        List<KeptCapture.Session> established = c.sessions().stream().filter(s -> s.outcome() == Outcome.ESTABLISHED).toList();
        if (!established.isEmpty()) {
            KeptCapture.Session first = established.stream().min(Comparator.comparingLong(KeptCapture.Session::startedNanos)).get();
            KeptCapture.Session last = established.stream().max(Comparator.comparingLong(KeptCapture.Session::startedNanos)).get();
            out.emphasis("Relaying since " + utc(first.startedNanos()) + ": the first relayed session was " + describe(first)
                    + "; the last, at " + utc(last.startedNanos()) + ", " + describe(last) + ".");
        }
        out.heading("Sessions by protocol and outcome");
        Map<String, List<KeptCapture.Session>> byProtocol = group(c.sessions(), KeptCapture.Session::protocol);
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<KeptCapture.Session>> e : byProtocol.entrySet()) {
            List<KeptCapture.Session> list = e.getValue();
            rows.add(new String[] {e.getKey(), count(list, Outcome.ESTABLISHED), count(list, Outcome.UNVERIFIED),
                    count(list, Outcome.REFUSED), Long.toString(list.stream().filter(KeptCapture.Session::carriesSmtp).count()),
                    Integer.toString(list.stream().mapToInt(KeptCapture.Session::smtpMessages).sum()),
                    Integer.toString(list.stream().mapToInt(KeptCapture.Session::smtpRecipients).sum())});
        }
        out.table(List.of("Protocol", "Established", "Unverified", "Refused", "Carrying SMTP", "Messages", "Recipients"),
                new float[] {20, 14, 14, 12, 14, 13, 13}, rows);
        timeline(c, out);
        out.chart(new BarChart("Proxy sessions by protocol", List.copyOf(byProtocol.keySet()), outcomeNames(),
                byProtocol.values().stream().map(CaptureFindingsSection::counts).toArray(int[][]::new), "proxy sessions"));
        top(out, "Busiest clients", "Client", c.sessions(), KeptCapture.Session::clientHost);
        top(out, "Busiest destinations", "Destination", c.sessions(), KeptCapture.Session::destination);
    }

    private static void timeline(KeptCapture c, ReportWriter out) {
        List<KeptCapture.Session> timed = c.sessions().stream().filter(s -> s.startedNanos() > 0).toList();
        if (timed.isEmpty()) {
            return;
        }
        SessionTimeline.Plan plan = SessionTimeline.plan(first(timed), last(timed));
        int[][] values = new int[plan.count()][OUTCOMES.size()];
        for (KeptCapture.Session s : timed) {
            values[plan.index(s.startedNanos())][OUTCOMES.indexOf(s.outcome())]++;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            labels.add(plan.label(i));
        }
        out.chart(new BarChart("Proxy sessions over time (UTC, " + plan.widthText() + " a bar)", labels, outcomeNames(), values,
                "proxy sessions"));
    }

    private static void top(ReportWriter out, String heading, String what, List<KeptCapture.Session> sessions,
            Function<KeptCapture.Session, String> key) {
        Map<String, List<KeptCapture.Session>> groups = group(sessions, key);
        List<Map.Entry<String, List<KeptCapture.Session>>> busiest = groups.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<KeptCapture.Session>> e) -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP).toList();
        out.heading(heading + (groups.size() > TOP ? " (" + TOP + " of " + groups.size() + ")" : ""));
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<KeptCapture.Session>> e : busiest) {
            List<KeptCapture.Session> list = e.getValue();
            rows.add(new String[] {e.getKey().isEmpty() ? "(not named)" : e.getKey(), Integer.toString(list.size()),
                    count(list, Outcome.ESTABLISHED), Integer.toString(list.stream().mapToInt(KeptCapture.Session::smtpMessages).sum()),
                    utc(first(list))});
        }
        out.table(List.of(what, "Sessions", "Established", "Mail messages", "First"), new float[] {34, 13, 15, 15, 23}, rows);
    }

    private static Map<String, List<KeptCapture.Session>> group(List<KeptCapture.Session> sessions,
            Function<KeptCapture.Session, String> key) {
        return sessions.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    private static int[] counts(List<KeptCapture.Session> list) {
        int[] counts = new int[OUTCOMES.size()];
        for (KeptCapture.Session s : list) {
            counts[OUTCOMES.indexOf(s.outcome())]++;
        }
        return counts;
    }

    private static List<String> outcomeNames() {
        return OUTCOMES.stream().map(Outcome::word).toList();
    }

    private static String count(List<KeptCapture.Session> list, Outcome outcome) {
        return Long.toString(list.stream().filter(s -> s.outcome() == outcome).count());
    }

    /** A session and, where it was kept with it, why it counts as relayed. */
    private static String describe(KeptCapture.Session s) {
        return s.description() + " (flow " + s.flow()
                + (s.evidence().isEmpty() ? "" : "; " + s.evidence()) + ")";
    }

    private static long first(List<KeptCapture.Session> list) {
        return list.stream().mapToLong(KeptCapture.Session::startedNanos).min().orElse(0);
    }

    private static long last(List<KeptCapture.Session> list) {
        return list.stream().mapToLong(KeptCapture.Session::startedNanos).max().orElse(0);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(0, epochNanos);
    }

    private static String utc(long epochNanos) {
        return epochNanos <= 0 ? "an unknown time" : utc(instant(epochNanos));
    }

    private static String utc(Instant t) {
        return ReportTime.utc(t);
    }
}
