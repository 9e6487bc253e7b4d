package org.proxyscope.probe.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

import org.proxyscope.probe.Canary;
import org.proxyscope.probe.Finding;
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

    /** How long the canary may take to see the token after the target claimed to relay it. */
    private static final Duration CANARY_GRACE = Duration.ofSeconds(2);

    /** What the protocol exchange ended with. */
    sealed interface Outcome {
    }

    /** The target claimed to relay the token; the canary decides. */
    record Relayed(String detail) implements Outcome {
    }

    /** The target answered with a verdict of its own (refused, wants credentials, not this protocol). */
    record Answered(Verdict verdict, String detail) implements Outcome {
    }

    /** Runs the protocol's exchange on an open connection, sending {@code token} towards the canary. */
    abstract Outcome exchange(ProbeConnection connection, InetSocketAddress canary, String token) throws IOException;

    @Override
    public final Finding probe(ProbeContext context) {
        Transcript transcript = new Transcript();
        String token = Canary.newToken();
        Outcome outcome;
        try (ProbeConnection connection = context.connect(transcript)) {
            outcome = exchange(connection, context.canary().address(), token);
        } catch (ConnectException | NoRouteToHostException e) {
            return new Finding(context.port(), protocol(), Verdict.NO_SERVICE, false, "nothing listens: " + e.getMessage(),
                    transcript);
        } catch (SocketTimeoutException e) {
            return new Finding(context.port(), protocol(), Verdict.TIMEOUT, false,
                    "no answer within " + context.timeout().toMillis() + " ms", transcript);
        } catch (IOException e) {
            return new Finding(context.port(), protocol(), Verdict.NOT_A_PROXY, false,
                    "the connection failed mid-exchange: " + e.getMessage(), transcript);
        }
        return switch (outcome) {
            case Answered a -> new Finding(context.port(), protocol(), a.verdict(), false, a.detail(), transcript);
            case Relayed r -> verified(context, token, r.detail(), transcript);
        };
    }

    private Finding verified(ProbeContext context, String token, String detail, Transcript transcript) {
        try {
            String from = context.canary().awaitToken(token, CANARY_GRACE);
            if (from != null) {
                transcript.note("canary received token " + token + " from " + from);
                return new Finding(context.port(), protocol(), Verdict.OPEN, true,
                        detail + "; the canary received the token from " + from, transcript);
            }
            transcript.note("canary never received token " + token);
            return new Finding(context.port(), protocol(), Verdict.UNVERIFIED, false,
                    detail + "; but the canary never received the token", transcript);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Finding(context.port(), protocol(), Verdict.ERROR, false, "cancelled", transcript);
        }
    }

    /** The request that carries the token through an established tunnel to the canary. */
    static String tokenRequest(InetSocketAddress canary, String token) {
        return "GET /" + token + " HTTP/1.0\r\nHost: " + hostPort(canary) + "\r\nUser-Agent: Proxyscope\r\n\r\n";
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
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
        return new Relayed(status + (headers.isEmpty() ? "" : "; " + headers) + cameBack(rest, token));
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
