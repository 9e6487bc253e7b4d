package org.proxyscope.probe.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.proxyscope.core.model.PortService;
import org.proxyscope.core.model.ServiceSignatures;
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

    /**
     * The target claimed to relay the token; the canary decides.
     *
     * @param relayedBack what came back through the target
     * @param relay       whether the target showed itself a relay of this protocol (a SOCKS grant, a proxy's
     *                    headers): then a reply that is not the canary's leaves doubt; from anything else it means
     *                    the target answered the request itself
     */
    record Relayed(String detail, String relayedBack, boolean relay) implements Outcome {
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
            case Relayed r -> verdict(context, protocol(), token, r.detail(), r.relayedBack(), r.relay(), transcript);
        };
    }

    /**
     * The verdict on a relay the target claimed: open only with the canary's proof. Without it, a target that
     * sent back something else answered the request itself (not a proxy, unless it showed itself one), and one
     * that sent back nothing is unverified. Shared by every probe that asks the target to reach the canary.
     *
     * @param relayedBack what came back through the target; null when nothing can (FTP bounce)
     * @param relay       whether the target showed itself a relay of this protocol
     */
    static Finding verdict(ProbeContext context, String protocol, String token, String detail, String relayedBack,
            boolean relay, Transcript transcript) {
        boolean cameBack = relayedBack != null && !relayedBack.isEmpty();
        try {
            Optional<CanaryProof> proof = context.canary().proof(token, relayedBack);
            if (proof.isPresent()) {
                transcript.note("proof for token " + token + ": " + proof.get().how());
                return new Finding(context.port(), protocol, Verdict.OPEN, proof, detail + "; " + proof.get().how(), transcript);
            }
            transcript.note("no proof for token " + token);
            String never = context.canary().isExternal() ? "the external canary's text never came back" : "the canary never received the token";
            if (!cameBack) {
                return new Finding(context.port(), protocol, Verdict.UNVERIFIED, detail + "; but " + never, transcript);
            }
            String other = "what came back is not the canary's reply (" + firstLine(relayedBack) + ") and " + never;
            return relay ? new Finding(context.port(), protocol, Verdict.UNVERIFIED, detail + "; but " + other, transcript)
                    : new Finding(context.port(), protocol, Verdict.NOT_A_PROXY, detail + "; it answered by itself: " + other,
                            transcript);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cancelled(context, protocol, transcript);
        }
    }

    /**
     * The first line of a reply, printable and short, to quote in a detail; a reply that is not text (a SOCKS
     * server's answer) as its first bytes in hexadecimal, which an analyst can hold against the protocol.
     */
    static String firstLine(String reply) {
        if (reply.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f)) {
            byte[] bytes = reply.getBytes(StandardCharsets.ISO_8859_1); // read as ISO 8859-1: a char a byte
            StringBuilder out = new StringBuilder("bytes");
            for (int i = 0; i < Math.min(bytes.length, 16); i++) {
                out.append(' ').append(HexFormat.of().toHexDigits(bytes[i]));
            }
            return bytes.length > 16 ? out + " ... (" + bytes.length + " in all)" : out.toString();
        }
        String line = reply.strip().lines().findFirst().orElse("");
        StringBuilder out = new StringBuilder();
        for (char c : line.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
            if (out.length() == 80) {
                out.append("...");
                break;
            }
        }
        return "\"" + out + "\"";
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

    /**
     * The answer to an HTTP request ({@code asked}) that came back as no HTTP at all: not a proxy, and what
     * answered instead when its words tell (an FTP or SMTP greeting).
     */
    static Answered notHttp(String head, String asked) {
        if (head.isEmpty()) {
            return new Answered(Verdict.NOT_A_PROXY, "no reply to " + asked);
        }
        return new Answered(Verdict.NOT_A_PROXY, ServiceSignatures.identify(head)
                .map(s -> s.describe() + " answered " + asked + ", not an HTTP proxy: ")
                .orElse("the reply to " + asked + " is not HTTP: ") + firstLine(head));
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

    /**
     * Reads what comes back through an open tunnel after the token request: until it holds the canary's reply
     * or something the canary never sends, the peer closes, or the deadline. Marks the transcript, so what
     * came through is not taken for the target's own words.
     */
    static String readTunnel(ProbeConnection connection, Canary canary, String token) throws IOException {
        connection.transcript().relayFollows();
        return connection.readRest(back -> canary.answered(back, token));
    }

    /**
     * A relay claimed by an HTTP proxy, with what it revealed and whether the canary's reply came back.
     *
     * @param rest what came back as the far end's: through a tunnel, or the whole forwarded reply
     */
    static Outcome relayed(String status, String head, String rest, String token) {
        String headers = revealingHeaders(head);
        return new Relayed(status + (headers.isEmpty() ? "" : "; " + headers) + cameBack(rest, token), rest, showsProxy(head));
    }

    /** Whether an HTTP reply shows that a proxy made it: its headers, or software known as a proxy. */
    static boolean showsProxy(String head) {
        return ServiceSignatures.identify(head).map(PortService::isRelay).orElse(false);
    }

    /**
     * Reads and judges an HTTP proxy's answer to a request it should forward to the canary (an absolute-URI
     * GET or POST): not HTTP, a refusal, or a claimed relay for the canary to confirm.
     */
    static Outcome forwardedAnswer(ProbeConnection connection, Canary canary, String method, String token) throws IOException {
        String head = connection.readHead();
        String status = statusLine(head);
        String asked = "an absolute-URI " + method;
        if (status == null) {
            return notHttp(head, asked);
        }
        if (statusCode(status) / 100 != 2) {
            return refusal(status, head, asked);
        }
        return relayed(status, head, head + connection.readRest(body -> canary.answered(head + body, token)), token);
    }

    static String cameBack(String relayed, String token) {
        return relayed.contains(Canary.replyFor(token)) ? "; the canary's reply came back through it" : "";
    }

    /**
     * How an HTTP refusal reads. Only a proxy can deny or want credentials: a 407, a reply that shows a proxy,
     * or a 403 to CONNECT (web servers answer CONNECT with 400, 405 or 501). A gateway's error, or a proxy's
     * 5xx, says it tried to reach the canary and failed. Anything else is a web server answering for itself
     * (its own 404 to the canary's path, its 405 to CONNECT): not a proxy.
     *
     * @param asked the request in words, e.g. {@code CONNECT}
     */
    static Outcome refusal(String status, String head, String asked) {
        int code = statusCode(status);
        String headers = revealingHeaders(head);
        String seen = status + (headers.isEmpty() ? "" : "; " + headers);
        boolean proxy = showsProxy(head);
        if (code == 407) {
            return new Answered(Verdict.AUTH_REQUIRED, seen);
        }
        if (code == 502 || code == 504 || proxy && code / 100 == 5) {
            return new Answered(Verdict.UNVERIFIED, seen + "; it tried to reach the canary and failed");
        }
        if (proxy || code == 403 && asked.equals("CONNECT")) {
            return new Answered(Verdict.DENIED, seen);
        }
        String what = ServiceSignatures.identify(head).map(PortService::describe).orElse("an HTTP server");
        return new Answered(Verdict.NOT_A_PROXY, what + " answered " + asked + " with its own " + status.substring(9)
                + ": nothing in the reply shows a proxy" + (headers.isEmpty() ? "" : " (" + headers + ")"));
    }
}
