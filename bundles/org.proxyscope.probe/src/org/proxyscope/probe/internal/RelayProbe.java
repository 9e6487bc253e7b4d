package org.proxyscope.probe.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.CanaryProof;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.PortSignals;
import org.proxyscope.probe.ProbeConnection;
import org.proxyscope.probe.ProbeContext;
import org.proxyscope.probe.ProxyProbe;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

/**
 * What every built-in probe shares: one connection with a transcript, a fresh canary token, and the rule
 * that only the canary's receipt of the token makes a verdict {@link Verdict#OPEN}. A protocol supplies
 * the exchange that asks the target to carry the token to the canary.
 */
abstract class RelayProbe implements ProxyProbe {

    /** What the protocol exchange ended with. */
    sealed interface Outcome {
    }

    /** The target claimed to relay the token; the canary decides. {@code relayedBack} is what came back through it. */
    record Relayed(String detail, String relayedBack) implements Outcome {
    }

    /** The target answered with a verdict of its own (refused, wants credentials, not this protocol). */
    record Answered(Verdict verdict, String detail) implements Outcome {
    }

    /** Runs the protocol's exchange on an open connection, sending {@code token} towards the canary. */
    abstract Outcome exchange(ProbeConnection connection, Canary canary, String token) throws IOException;

    @Override
    public final Finding probe(ProbeContext context) {
        Transcript transcript = new Transcript();
        String token = Canary.newToken();
        Outcome outcome;
        try (ProbeConnection connection = context.connect(transcript)) {
            outcome = exchange(connection, context.canary(), token);
        } catch (ConnectException | NoRouteToHostException e) {
            return new Finding(context.port(), protocol(), Verdict.NO_SERVICE, "nothing listens: " + e.getMessage(),
                    transcript);
        } catch (PortSignals.SilentPortException e) {
            transcript.note(e.getMessage());
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, e.getMessage(), transcript);
        } catch (SocketTimeoutException e) {
            return new Finding(context.port(), protocol(), Verdict.TIMEOUT,
                    "no answer within " + context.timeout().toMillis() + " ms", transcript);
        } catch (IOException e) {
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY,
                    "the connection failed mid-exchange: " + e.getMessage(), transcript);
        }
        return switch (outcome) {
            case Answered a -> new Finding(context.port(), protocol(), a.verdict(), a.detail(), transcript);
            case Relayed r -> verdict(context, protocol(), token, r.detail(), r.relayedBack(), transcript);
        };
    }

    /**
     * The verdict on a relay the target claimed: open only with the canary's proof, unverified without.
     * Shared by every probe that asks the target to reach the canary.
     */
    static Finding verdict(ProbeContext context, String protocol, String token, String detail, String relayedBack,
            Transcript transcript) {
        try {
            Optional<CanaryProof> proof = context.canary().proof(token, relayedBack);
            if (proof.isPresent()) {
                transcript.note("proof for token " + token + ": " + proof.get().how());
                return new Finding(context.port(), protocol, Verdict.OPEN, proof, detail + "; " + proof.get().how(), transcript);
            }
            transcript.note("no proof for token " + token);
            return new Finding(context.port(), protocol, Verdict.UNVERIFIED,
                    detail + (context.canary().isExternal() ? "; but the external canary's text never came back"
                            : "; but the canary never received the token"), transcript);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelled(context, protocol, transcript);
        }
    }

    static Finding cancelled(ProbeContext context, String protocol, Transcript transcript) {
        return new Finding(context.port(), protocol, Verdict.ERROR, "cancelled", transcript);
    }

    /** The request that carries the token through an established tunnel to the canary. */
    static String tokenRequest(Canary canary, String token) {
        return "GET " + canary.path(token) + " HTTP/1.0\r\nHost: " + canary.authority() + "\r\nUser-Agent: Proxyscope\r\n\r\n";
    }

    /** The status line of an HTTP head, or null when the head is not HTTP. */
    static String statusLine(String head) {
        int end = head.indexOf("\r\n");
        String first = end < 0 ? head : head.substring(0, end);
        return first.matches("HTTP/\\d\\.\\d \\d{3}.*") ? first : null;
    }

    static int statusCode(String statusLine) {
        return Integer.parseInt(statusLine.substring(9, 12));
    }

    /** Headers that reveal a proxy or its software: Via, X-Forwarded-For, Server, Proxy-Agent. */
    static String revealingHeaders(String head) {
        StringBuilder found = new StringBuilder();
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("via:") || lower.startsWith("x-forwarded-for:") || lower.startsWith("server:")
                    || lower.startsWith("proxy-agent:")) {
                found.append(found.isEmpty() ? "" : ", ").append(line.strip());
            }
        }
        return found.toString();
    }

    /** A relay claimed by an HTTP proxy, with what it revealed and whether the canary's reply came back. */
    static Outcome relayed(String status, String head, String rest, String token) {
        String headers = revealingHeaders(head);
        return new Relayed(status + (headers.isEmpty() ? "" : "; " + headers) + cameBack(rest, token), rest);
    }

    /**
     * Reads and judges an HTTP proxy's answer to a request it should forward to the canary (an absolute-URI
     * GET or POST): not HTTP, a refusal, or a claimed relay for the canary to confirm.
     */
    static Outcome forwardedAnswer(ProbeConnection connection, String method, String token) throws IOException {
        String head = connection.readHead();
        String status = statusLine(head);
        if (status == null) {
            return new Answered(Verdict.NOT_A_PROXY, "no HTTP reply to an absolute-URI " + method);
        }
        if (statusCode(status) / 100 != 2) {
            return refusal(status, head);
        }
        return relayed(status, head, connection.readRest(), token);
    }

    static String cameBack(String relayed, String token) {
        return relayed.contains(Canary.replyFor(token)) ? "; the canary's reply came back through it" : "";
    }

    /** How an HTTP proxy's refusal reads as a verdict. */
    static Outcome refusal(String status, String head) {
        int code = statusCode(status);
        Verdict verdict = code == 407 ? Verdict.AUTH_REQUIRED : Verdict.DENIED;
        String headers = revealingHeaders(head);
        return new Answered(verdict, status + (headers.isEmpty() ? "" : "; " + headers));
    }
}
