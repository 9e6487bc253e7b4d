package org.proxyscope.probe.internal;

import java.io.IOException;
import java.io.Writer;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.proxyscope.core.NetworkThreads;
import org.proxyscope.core.model.PortService;
import org.proxyscope.core.model.ServiceSignatures;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.CanaryProof;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.PortSignals;
import org.proxyscope.probe.ProbeContext;
import org.proxyscope.probe.ProxyProbe;
import org.proxyscope.probe.ReplyWait;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

/**
 * SMTP open relay: in one session, tries the classic address forms spammers use to slip past relay
 * checks, each addressed to a fresh mailbox at the canary's mail domain. Open only when a message reaches
 * the canary; a relay that accepts RCPT and DATA but never delivers is unverified. Without a canary domain
 * nothing is sent: acceptance of RCPT is reported as unverified.
 */
public final class SmtpRelayProbe implements ProxyProbe {

    /** The domain named when no canary domain is set; {@code .invalid} never resolves (RFC 2606). */
    static final String NO_DOMAIN = "canary.invalid";
    /** An SMTP session makes some thirty exchanges; it may take this many connection deadlines in all. */
    private static final int SESSION_DEADLINES = 4;
    private static final Duration DELIVERY_GRACE = Duration.ofSeconds(5);
    private static final Duration AFTER_FIRST_DELIVERY = Duration.ofSeconds(1);

    /** One address form: how it reads, the envelope sender and the recipient. */
    record Form(String name, String sender, String recipient) {
    }

    @Override
    public String protocol() {
        return "smtp-relay";
    }

    /**
     * The forms, for {@code local} (the token) at {@code domain}, with {@code relay} the target's address
     * literal: the relay mistaking a foreign recipient or sender for one of its own.
     */
    static List<Form> forms(String local, String domain, String relay) {
        String probe = "proxyscope@" + domain;
        String to = local + "@" + domain;
        return List.of(
                new Form("plain", probe, to),
                new Form("null sender", "", to),
                new Form("sender at the relay's own address", "proxyscope@" + relay, to),
                new Form("percent hack", probe, local + "%" + domain + "@" + relay),
                new Form("quoted recipient", probe, "\"" + to + "\""),
                new Form("quoted recipient at the relay", probe, "\"" + to + "\"@" + relay),
                new Form("source route", probe, "@" + relay + ":" + to),
                new Form("bang path", probe, domain + "!" + local),
                new Form("bang path at the relay", probe, domain + "!" + local + "@" + relay),
                new Form("double at", probe, to + "@" + relay));
    }

    /** A form made real for one attempt: its token and the addresses that carry it. */
    private record Attempt(String token, Form form) {
    }

    /** How many sessions besides the first try the remaining forms at once. */
    static final int MORE_SESSIONS = 3;

    /**
     * Opens one session, which tries the first form; the other forms then go to {@link #MORE_SESSIONS} more
     * sessions at once, so that a relay that delays each command (as some slow down strangers) costs a quarter
     * of the time. Forms whose session would not open go back to the first.
     */
    @Override
    public Finding probe(ProbeContext context) {
        Transcript transcript = new Transcript();
        Canary canary = context.canary();
        String domain = canary.mailDomain().orElse(NO_DOMAIN);
        boolean send = canary.mailDomain().isPresent();
        String relay = addressLiteral(context.target().getAddress());
        List<Attempt> attempts = new ArrayList<>();
        for (Form form : forms("@TOKEN@", domain, relay)) {
            String token = Canary.newToken();
            attempts.add(new Attempt(token, new Form(form.name(), form.sender(), form.recipient().replace("@TOKEN@", token))));
        }
        // per form: "" when accepted, its refusal, or null when never tried; written by the sessions' threads
        AtomicReferenceArray<String> results = new AtomicReferenceArray<>(attempts.size());
        Session first = new Session(context, transcript);
        boolean opened = false;
        try {
            Finding early = first.open();
            if (early != null) {
                return early;
            }
            opened = true;
        } catch (ConnectException | NoRouteToHostException e) {
            return new Finding(context.port(), protocol(), Verdict.NO_SERVICE, "nothing listens: " + e.getMessage(), transcript);
        } catch (MalformedServerReplyException e) {
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, "not SMTP: " + e.getMessage(), transcript);
        } catch (PortSignals.SilentPortException e) {
            transcript.note(e.getMessage());
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, "no SMTP greeting: " + e.getMessage(), transcript);
        } catch (SocketTimeoutException e) {
            return new Finding(context.port(), protocol(), Verdict.TIMEOUT,
                    "no SMTP dialogue: silent for " + context.timeout().toMillis() + " ms", transcript);
        } catch (IOException e) {
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, "the SMTP dialogue failed: " + e.getMessage(),
                    transcript);
        } finally {
            if (!opened) {
                first.close();
            }
        }
        try {
            if (first.attemptAll(attempts, List.of(0), results, send)) {
                List<Integer> left = moreSessions(context, transcript, attempts, results, send);
                first.attemptAll(attempts, left, results, send);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayProbe.cancelled(context, protocol(), transcript);
        } finally {
            first.close();
        }
        Map<String, Form> tried = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        for (int k = 0; k < results.length(); k++) {
            String result = results.get(k);
            if ("".equals(result)) {
                tried.put(attempts.get(k).token(), attempts.get(k).form());
            } else if (result != null) {
                refusals.add(attempts.get(k).form().name() + ": " + result);
            }
        }
        if (tried.isEmpty() && refusals.isEmpty()) {
            return new Finding(context.port(), protocol(), Verdict.TIMEOUT, "the SMTP session ended before any form was tried",
                    transcript);
        }
        return judge(context, transcript, tried, refusals, send, domain);
    }

    /**
     * Tries the forms after the first in up to {@link #MORE_SESSIONS} sessions at once, each with a transcript of
     * its own, appended to the probe's in turn.
     *
     * @return the forms no session tried (its session would not open): the first session tries them
     */
    private List<Integer> moreSessions(ProbeContext context, Transcript transcript, List<Attempt> attempts, AtomicReferenceArray<String> results,
            boolean send) throws InterruptedException {
        List<List<Integer>> groups = new ArrayList<>();
        for (int k = 1; k < attempts.size(); k++) {
            if (groups.size() < MORE_SESSIONS) {
                groups.add(new ArrayList<>());
            }
            groups.get((k - 1) % MORE_SESSIONS).add(k);
        }
        List<Integer> left = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Session> sessions = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (List<Integer> group : groups) {
            Session session = new Session(context, transcript.fork());
            sessions.add(session);
            threads.add(NetworkThreads.start("proxyscope-smtp-session", () -> {
                try {
                    if (session.open() == null) {
                        session.attemptAll(attempts, group, results, send);
                        return;
                    }
                } catch (IOException e) {
                    session.transcript.note("this session did not open (" + e.getMessage() + "); the first session tries its forms");
                } finally {
                    session.close();
                }
                left.addAll(group);
            }));
        }
        long until = System.nanoTime() + context.timeout().toNanos() * (SESSION_DEADLINES + 1);
        for (int n = 0; n < threads.size(); n++) {
            threads.get(n).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            transcript.note("session " + (n + 2) + " of " + (groups.size() + 1) + ", forms " + groups.get(n).stream()
                    .map(k -> attempts.get(k).form().name()).reduce((a, b) -> a + ", " + b).orElse("") + ":");
            transcript.append(sessions.get(n).transcript);
        }
        return left.stream().sorted().toList();
    }

    /** One SMTP session of the probe: its client and the transcript its bytes go to. */
    private final class Session {

        final Transcript transcript;
        final SMTPClient smtp = new SMTPClient();
        private final ProbeContext context;
        /** Whether the session greeted, took HELO and may try forms. */
        boolean usable;

        Session(ProbeContext context, Transcript transcript) {
            this.transcript = transcript;
            this.context = context;
            ReplyWait wait = new ReplyWait(context.signals(), protocol(), System.nanoTime() + context.timeout().toNanos() * SESSION_DEADLINES);
            smtp.setSocketFactory(TranscribedSocket.factory(transcript, (int) context.timeout().toMillis(), wait));
            smtp.setConnectTimeout((int) context.timeout().toMillis());
        }

        /**
         * Connects and says HELO.
         *
         * @return null when the session may try forms; otherwise the finding its greeting or HELO decides
         */
        Finding open() throws IOException {
            smtp.connect(context.target().getAddress(), context.port());
            String banner = smtp.getReplyString().strip();
            Optional<PortService> other = ServiceSignatures.identify(banner).filter(s -> !s.kind().equals("smtp"));
            if (other.isPresent()) {
                return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, other.get().describe()
                        + " answered, not an SMTP server: " + TranscribedSocket.lastReply(banner), transcript);
            }
            if (!SMTPReply.isPositiveCompletion(smtp.getReplyCode())) {
                return new Finding(context.port(), protocol(), Verdict.DENIED, "refuses sessions: " + banner, transcript);
            }
            if (!smtp.login(addressLiteral(smtp.getLocalAddress()))) {
                if (FtpBounceProbe.unknownCommand(smtp.getReplyCode())) {
                    return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, "greeting " + banner
                            + "; it does not know HELO (" + reply(smtp) + "): not an SMTP server", transcript);
                }
                return new Finding(context.port(), protocol(), Verdict.DENIED, "refused HELO: " + reply(smtp), transcript);
            }
            usable = true;
            return null;
        }

        /**
         * Tries the forms numbered {@code which} in turn, writing each result into {@code results}; a session that
         * breaks off or passes its deadline keeps what it tried.
         *
         * @return whether the session is still usable
         */
        boolean attemptAll(List<Attempt> attempts, List<Integer> which, AtomicReferenceArray<String> results, boolean send) {
            try {
                for (int k : which) {
                    if (!usable) {
                        return false;
                    }
                    Attempt a = attempts.get(k);
                    String refusal = attempt(smtp, a.form(), a.token(), send);
                    results.set(k, refusal == null ? "" : refusal);
                    smtp.reset();
                }
                return usable;
            } catch (SocketTimeoutException e) {
                transcript.note("the session's deadline passed; judging the forms tried so far");
            } catch (IOException e) {
                transcript.note("the session broke off (" + e.getMessage() + "); judging the forms tried so far");
            }
            usable = false;
            return false;
        }

        void close() {
            if (usable) {
                try {
                    smtp.logout();
                } catch (IOException e) {
                    // the session is over either way
                }
                usable = false;
            }
            TranscribedSocket.disconnect(smtp);
        }
    }

    /** @return null when the relay took the message (or, without a canary domain, the recipient); else its refusal */
    private static String attempt(SMTPClient smtp, Form form, String token, boolean send) throws IOException {
        if (!smtp.setSender(form.sender())) {
            return "MAIL FROM:<" + form.sender() + "> " + reply(smtp);
        }
        if (!smtp.addRecipient(form.recipient())) {
            return "RCPT TO:<" + form.recipient() + "> " + reply(smtp);
        }
        if (!send) {
            return null;
        }
        Writer data = smtp.sendMessageData();
        if (data == null) {
            return "DATA " + reply(smtp);
        }
        try (data) {
            data.write("Subject: Proxyscope relay test " + token + "\r\n"
                    + "X-Proxyscope-Form: " + form.name() + "\r\n\r\n"
                    + "An abuse analyst is testing whether this server relays mail for anyone.\r\n"
                    + "Token: " + token + "\r\n");
        }
        return smtp.completePendingCommand() ? null : "end of DATA " + reply(smtp);
    }

    private Finding judge(ProbeContext context, Transcript transcript, Map<String, Form> tried, List<String> refusals,
            boolean sent, String domain) {
        if (tried.isEmpty()) {
            boolean auth = refusals.stream().map(r -> r.toLowerCase(Locale.ROOT))
                    .anyMatch(r -> r.contains(" 530") || r.contains("authentication required") || r.contains("5.7.0 auth"));
            return new Finding(context.port(), protocol(), auth ? Verdict.AUTH_REQUIRED : Verdict.DENIED,
                    "refused every relay form; first: " + refusals.get(0), transcript);
        }
        String accepted = tried.values().stream().map(Form::name).reduce((a, b) -> a + ", " + b).orElse("");
        if (!sent) {
            return new Finding(context.port(), protocol(), Verdict.UNVERIFIED, "accepted a recipient at " + domain
                    + " (" + accepted + "), but no canary domain is set, so no message was sent", transcript);
        }
        Map<String, CanaryProof> arrivals;
        try {
            arrivals = awaitDeliveries(context.canary(), tried.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayProbe.cancelled(context, protocol(), transcript);
        }
        List<String> delivered = new ArrayList<>();
        for (Map.Entry<String, Form> t : tried.entrySet()) {
            CanaryProof arrival = arrivals.get(t.getKey());
            if (arrival != null) {
                transcript.note("canary received the message of form \"" + t.getValue().name() + "\" (token " + t.getKey()
                        + ") from " + arrival.from());
                delivered.add(t.getValue().name() + " (RCPT TO:<" + t.getValue().recipient() + ">)");
            }
        }
        if (delivered.isEmpty()) {
            transcript.note("no message reached the canary");
            return new Finding(context.port(), protocol(), Verdict.UNVERIFIED, "accepted mail for " + domain + " ("
                    + accepted + "), but no message reached the canary within " + DELIVERY_GRACE.toSeconds() + " s", transcript);
        }
        // the first message that arrived stands as the proof; the detail names every form that got through
        CanaryProof first = arrivals.values().stream().min(Comparator.comparing(CanaryProof::at)).orElseThrow();
        return new Finding(context.port(), protocol(), Verdict.OPEN, Optional.of(first), "relays mail for anyone: the canary received "
                + delivered.size() + " of " + tried.size() + " accepted messages; delivered: " + String.join(", ", delivered),
                transcript);
    }

    /**
     * Waits for the messages of the accepted forms, up to {@link #DELIVERY_GRACE}; a relay delivers what it
     * relays in one burst, so after the first arrival the rest get {@link #AFTER_FIRST_DELIVERY}.
     *
     * @return the tokens that arrived, with where from
     */
    private static Map<String, CanaryProof> awaitDeliveries(Canary canary, java.util.Set<String> tokens) throws InterruptedException {
        Map<String, CanaryProof> arrivals = new LinkedHashMap<>();
        long until = System.nanoTime() + DELIVERY_GRACE.toNanos();
        while (arrivals.size() < tokens.size() && System.nanoTime() < until) {
            for (String token : tokens) {
                CanaryProof from = arrivals.containsKey(token) ? null : canary.awaitToken(token, Duration.ZERO).orElse(null);
                if (from != null) {
                    if (arrivals.isEmpty()) {
                        until = Math.min(until, System.nanoTime() + AFTER_FIRST_DELIVERY.toNanos());
                    }
                    arrivals.put(token, from);
                }
            }
            Thread.sleep(10);
        }
        return arrivals;
    }

    /** An address literal as RFC 5321 writes it: {@code [192.0.2.7]}, {@code [IPv6:2001:db8::7]}. */
    static String addressLiteral(java.net.InetAddress address) {
        return (address instanceof java.net.Inet6Address ? "[IPv6:" : "[") + address.getHostAddress() + "]";
    }

    private static String reply(SMTPClient smtp) {
        return TranscribedSocket.lastReply(smtp.getReplyString());
    }
}
