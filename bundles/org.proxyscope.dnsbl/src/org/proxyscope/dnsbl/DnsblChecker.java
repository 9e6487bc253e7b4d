package org.proxyscope.dnsbl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.proxyscope.core.model.Host;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks DNS blocklists about an address, all at once: for each list an A query for the address's reversed name
 * under the list's zone (the return codes) and a TXT query (the reason). DNS is dnsjava's; nothing here is sent to
 * the address itself, only to the resolver.
 */
public final class DnsblChecker {

    private final DnsblSettings settings;
    private final Clock clock;

    public DnsblChecker(DnsblSettings settings) {
        this(settings, Clock.systemUTC());
    }

    DnsblChecker(DnsblSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Asks every list of the settings about {@code address}.
     *
     * @param address an IPv4 or IPv6 address; blocklists list addresses, not names
     * @throws DnsblException when {@code address} is no address or the resolver cannot be used at all
     */
    public DnsblReport check(String address) throws DnsblException {
        Host host;
        try {
            host = Host.parse(address);
        } catch (IllegalArgumentException e) {
            throw new DnsblException(e.getMessage());
        }
        if (!host.isAddress()) {
            throw new DnsblException("DNS blocklists list addresses, and " + host.name() + " is a host name: check its address");
        }
        String reversed = reversed(host);
        SimpleResolver resolver;
        try {
            resolver = settings.resolver().isPresent() ? new SimpleResolver(settings.resolver().get()) : new SimpleResolver();
        } catch (UnknownHostException e) {
            throw new DnsblException("No DNS resolver to ask: " + e.getMessage() + "; name one in Preferences > DNS Blocklists", e);
        }
        resolver.setTimeout(settings.timeout());
        Instant checked = clock.instant();
        List<Pending> pending = new ArrayList<>();
        for (DnsblList list : settings.lists()) {
            Name name;
            try {
                name = Name.fromString(reversed + "." + list.zone() + ".");
            } catch (TextParseException e) {
                throw new DnsblException(list.zone() + ": " + e.getMessage(), e);
            }
            long started = System.nanoTime();
            pending.add(new Pending(list, started, ask(resolver, name, Type.A).thenApply(m -> new Timed(m, System.nanoTime())),
                    ask(resolver, name, Type.TXT)));
        }
        List<DnsblAnswer> answers = new ArrayList<>();
        for (Pending p : pending) {
            answers.add(p.answer(settings.timeout()));
        }
        return new DnsblReport(host.name(), checked, DnsblSettings.format(resolver.getAddress()), answers);
    }

    private static CompletableFuture<Message> ask(SimpleResolver resolver, Name name, int type) {
        return resolver.sendAsync(Message.newQuery(Record.newRecord(name, type, DClass.IN))).toCompletableFuture();
    }

    /** The address's labels in reverse: octets for IPv4, nibbles for IPv6 (as in-addr.arpa and ip6.arpa). */
    static String reversed(Host host) throws DnsblException {
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(host.name()).getAddress(); // a literal: nothing is looked up
        } catch (UnknownHostException e) {
            throw new DnsblException(host.name() + " is not an address: " + e.getMessage(), e);
        }
        StringBuilder name = new StringBuilder();
        for (int i = bytes.length - 1; i >= 0; i--) {
            int b = bytes[i] & 0xff;
            if (bytes.length == 4) {
                name.append(b).append('.');
            } else {
                name.append(Character.forDigit(b & 0xf, 16)).append('.').append(Character.forDigit(b >> 4, 16)).append('.');
            }
        }
        return name.substring(0, name.length() - 1);
    }

    /** A reply and when it came ({@link System#nanoTime()}). */
    private record Timed(Message reply, long at) {
    }

    /** One list's two queries in flight. */
    private record Pending(DnsblList list, long started, CompletableFuture<Timed> codes, CompletableFuture<Message> reason) {

        DnsblAnswer answer(Duration timeout) {
            Message reply;
            Duration took;
            try {
                // dnsjava ends the query at the timeout itself; the second is a margin against a lost wake-up
                Timed timed = codes.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                reply = timed.reply();
                took = Duration.ofNanos(timed.at() - started);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(DnsblAnswer.Outcome.FAILED, "interrupted before the answer came");
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                    return failed(DnsblAnswer.Outcome.NO_ANSWER, "no answer within " + timeout.toMillis() + " ms");
                }
                if (cause instanceof PortUnreachableException) { // the ICMP reply to a query sent where nothing listens
                    return failed(DnsblAnswer.Outcome.FAILED, "the resolver refused: nothing answers DNS at its address and port");
                }
                return failed(DnsblAnswer.Outcome.FAILED, "the resolver could not be asked: "
                        + (cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : cause.toString()));
            }
            int rcode = reply.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return new DnsblAnswer(list, DnsblAnswer.Outcome.NOT_LISTED, List.of(), "", took);
            }
            if (rcode != Rcode.NOERROR) {
                return failed(DnsblAnswer.Outcome.FAILED, "the resolver answered " + Rcode.string(rcode));
            }
            List<DnsblAnswer.Code> listings = new ArrayList<>();
            List<DnsblAnswer.Code> refusals = new ArrayList<>();
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof ARecord a) {
                    DnsblAnswer.Code code = DnsblAnswer.Code.of(list, a.getAddress().getHostAddress());
                    (code.listing() ? listings : refusals).add(code);
                }
            }
            // resolvers rotate the order of records; the codes are given in their numeric order, so two reports agree
            Comparator<DnsblAnswer.Code> numeric = Comparator.comparingInt(c -> {
                String[] octets = c.address().split("\\.");
                return octets.length == 4 ? Integer.parseInt(octets[3]) : 0;
            });
            listings.sort(numeric);
            refusals.sort(numeric);
            if (!listings.isEmpty()) {
                return new DnsblAnswer(list, DnsblAnswer.Outcome.LISTED, listings, reason(timeout), took);
            }
            if (!refusals.isEmpty()) {
                return new DnsblAnswer(list, DnsblAnswer.Outcome.REFUSED, refusals, "", took);
            }
            return new DnsblAnswer(list, DnsblAnswer.Outcome.NOT_LISTED, List.of(), "", took);
        }

        /** The TXT records' text, when they came; a listing stands without it. */
        private String reason(Duration timeout) {
            try {
                Message reply = reason.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                StringBuilder text = new StringBuilder();
                for (Record r : reply.getSection(Section.ANSWER)) {
                    if (r instanceof TXTRecord t) {
                        text.append(text.isEmpty() ? "" : " ").append(String.join("", t.getStrings()));
                    }
                }
                return text.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            } catch (ExecutionException | TimeoutException e) {
                return "";
            }
        }

        private DnsblAnswer failed(DnsblAnswer.Outcome outcome, String why) {
            reason.cancel(false);
            return new DnsblAnswer(list, outcome, List.of(), why, took());
        }

        private Duration took() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
