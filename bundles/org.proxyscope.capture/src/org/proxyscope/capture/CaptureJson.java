package org.proxyscope.capture;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.cli.JsonText;

/** The import's JSON form, as {@code proxyscope import --json} prints it and as a case keeps it. */
public final class CaptureJson {

    private CaptureJson() {
    }

    public static String render(CaptureReport r) {
        return JsonText.pretty(tree(r));
    }

    /** Writes the JSON form to {@code to}, as {@link #render} gives it; for large reports, without one big String. */
    public static void write(CaptureReport r, Writer to) throws IOException {
        JsonText.write(tree(r), to);
    }

    private static JsonObject tree(CaptureReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("file", r.file().toString());
        o.addProperty("format", r.format().word());
        o.addProperty("sha256", r.sha256());
        o.addProperty("packets", r.packets());
        o.addProperty("flows", r.flowCount());
        o.addProperty("tcp_flows", r.tcpFlows());
        o.addProperty("udp_flows", r.udpFlows());
        o.addProperty("bytes", r.bytes());
        o.addProperty("elapsed_ms", r.elapsed().toMillis());
        o.addProperty("partial", r.partial());
        r.problem().ifPresent(p -> o.addProperty("error", p));
        o.addProperty("malformed_packets", r.malformedPackets());
        o.addProperty("ip_fragments", r.fragments());
        JsonArray sessions = new JsonArray();
        for (ProxySession s : r.sessions()) {
            JsonObject j = new JsonObject();
            j.addProperty("client", s.client().toString());
            j.addProperty("proxy", s.proxy().toString());
            j.addProperty("protocol", s.protocol());
            j.addProperty("destination", s.destination());
            j.addProperty("outcome", s.outcome().word());
            j.addProperty("code", s.code());
            j.addProperty("carries_smtp", s.carriesSmtp());
            j.addProperty("smtp_messages", s.smtpMessages());
            j.addProperty("smtp_recipients", s.smtpRecipients());
            j.addProperty("flow", s.flow().number());
            s.relayedFlow().ifPresent(n -> j.addProperty("relayed_flow", n));
            sessions.add(j);
        }
        o.add("proxy_sessions", sessions);
        JsonArray listening = new JsonArray();
        for (ListeningSocket l : r.listening()) {
            JsonObject j = new JsonObject();
            j.addProperty("socket", l.address());
            j.addProperty("port", l.port());
            j.addProperty("service", l.service());
            j.addProperty("proxy_port", l.proxyPort());
            if (!l.process().isEmpty()) {
                j.addProperty("process", l.process());
            }
            listening.add(j);
        }
        o.add("listening", listening);
        JsonArray hosts = new JsonArray();
        for (HostRecord h : r.hosts()) {
            JsonObject j = new JsonObject();
            j.addProperty("address", h.address());
            JsonArray names = new JsonArray();
            h.names().forEach(names::add);
            j.add("names", names);
            JsonArray roles = new JsonArray();
            h.roles().forEach(roles::add);
            j.add("roles", roles);
            JsonArray ports = new JsonArray();
            h.listening().forEach(ports::add);
            j.add("listening", ports);
            hosts.add(j);
        }
        o.add("hosts", hosts);
        return o;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /**
     * A few lines for a person: counts, the proxy sessions grouped by proxy, destination and outcome, and each
     * listener on a proxy port. {@code name} is how the first line names the capture: the analysed file may
     * be a case's stored copy, named by its hash.
     */
    public static String summary(CaptureReport r, String name) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %s, %d packets, %d flows (%d TCP, %d UDP), %d bytes, %d ms%n",
                name, r.format().word(), r.packets(), r.flowCount(), r.tcpFlows(), r.udpFlows(), r.bytes(),
                r.elapsed().toMillis()));
        s.append("  sha256 ").append(r.sha256()).append('\n');
        r.problem().ifPresent(p -> s.append("  PARTIAL: ").append(p).append('\n'));
        long established = r.sessions().stream().filter(x -> x.outcome() == ProxySession.Outcome.ESTABLISHED).count();
        s.append(String.format(Locale.ROOT, "  %d proxy sessions, %d established%n", r.sessions().size(), established));
        // grouped: a busy proxy has thousands of sessions that differ only in the client
        Map<String, List<ProxySession>> groups = new LinkedHashMap<>();
        for (ProxySession x : r.sessions()) {
            groups.computeIfAbsent(x.protocol() + " via " + x.proxy() + " to " + (x.destination().isEmpty() ? "-" : x.destination())
                    + ": " + x.outcome().word() + " (" + x.code() + ")", k -> new ArrayList<>()).add(x);
        }
        groups.forEach((what, list) -> {
            long clients = list.stream().map(x -> x.client().host()).distinct().count();
            int messages = list.stream().mapToInt(ProxySession::smtpMessages).sum();
            int recipients = list.stream().mapToInt(ProxySession::smtpRecipients).sum();
            long mail = list.stream().filter(ProxySession::carriesSmtp).count();
            s.append(String.format(Locale.ROOT, "    %6d x %s; %s, first flow %d%s%n", list.size(), what, plural(clients, "client"),
                    list.get(0).flow().number(), mail == 0 ? ""
                            : "; " + mail + " carried SMTP: " + plural(messages, "message") + " to " + plural(recipients, "recipient")));
        });
        for (ListeningSocket l : r.listening()) {
            if (l.proxyPort()) {
                s.append(String.format(Locale.ROOT, "  listening on a proxy port: %s%s%s%n", l.address(),
                        l.service().isEmpty() ? "" : " (" + l.service() + ")", l.process().isEmpty() ? "" : ", " + l.process()));
            }
        }
        return s.toString();
    }
}
