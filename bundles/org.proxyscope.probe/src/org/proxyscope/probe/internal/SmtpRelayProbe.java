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

import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
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

    @Override
    public Finding probe(ProbeContext context) {
        Transcript transcript = new Transcript();
        Canary canary = context.canary();
        String domain = canary.mailDomain().orElse(NO_DOMAIN);
        boolean send = canary.mailDomain().isPresent();
        String relay = addressLiteral(context.target().getAddress());
        ReplyWait wait = new ReplyWait(context.signals(), protocol(), System.nanoTime() + context.timeout().toNanos() * SESSION_DEADLINES);
        SMTPClient smtp = new SMTPClient();
        smtp.setSocketFactory(TranscribedSocket.factory(transcript, (int) context.timeout().toMillis(), wait));
        smtp.setConnectTimeout((int) context.timeout().toMillis());
        Map<String, Form> tried = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        String banner;
        try {
            smtp.connect(context.target().getAddress(), context.port());
            banner = smtp.getReplyString().strip();
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
            for (Form form : forms("@TOKEN@", domain, relay)) {
                String token = Canary.newToken();
                Form real = new Form(form.name(), form.sender(), form.recipient().replace("@TOKEN@", token));
                String refusal = attempt(smtp, real, token, send);
                if (refusal == null) {
                    tried.put(token, real);
                } else {
                    refusals.add(form.name() + ": " + refusal);
                }
                smtp.reset();
            }
            smtp.logout();
        } catch (ConnectException | NoRouteToHostException e) {
            return new Finding(context.port(), protocol(), Verdict.NO_SERVICE, "nothing listens: " + e.getMessage(), transcript);
        } catch (MalformedServerReplyException e) {
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, "not SMTP: " + e.getMessage(), transcript);
        } catch (PortSignals.SilentPortException e) {
            transcript.note(e.getMessage());
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, "no SMTP greeting: " + e.getMessage(), transcript);
        } catch (SocketTimeoutException e) {
            if (tried.isEmpty() && refusals.isEmpty()) {
                return new Finding(context.port(), protocol(), Verdict.TIMEOUT,
                        "no SMTP dialogue: silent for " + context.timeout().toMillis() + " ms", transcript);
            }
            transcript.note("the session's deadline passed; judging the forms tried so far");
        } catch (IOException e) {
            if (tried.isEmpty() && refusals.isEmpty()) {
                return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY,
                        "the SMTP dialogue failed: " + e.getMessage(), transcript);
            }
            transcript.note("the session broke off (" + e.getMessage() + "); judging the forms tried so far");
        } finally {
            TranscribedSocket.disconnect(smtp);
        }
        return judge(context, transcript, tried, refusals, send, domain);
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
