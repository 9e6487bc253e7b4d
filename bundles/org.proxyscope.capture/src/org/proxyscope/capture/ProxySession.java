package org.proxyscope.capture;

import java.util.OptionalInt;

/**
 * A client's use of a proxy seen in a capture.
 *
 * @param protocol     socks4, socks5, http-connect, http-forward or wingate
 * @param destination  where the client asked the proxy to connect, {@code host:port}
 * @param code         the proxy's answer: an HTTP status, a SOCKS reply code, or a WinGate message
 * @param evidence     why the outcome is what it is, in the analyst's words: what came back and from whom
 * @param relayedFlow  the proxy host's own connection to the destination, when the capture holds it
 */
public record ProxySession(Flow flow, String protocol, String destination, Outcome outcome, String code, String evidence,
        boolean carriesSmtp, int smtpMessages, int smtpRecipients, OptionalInt relayedFlow) {

    /** How the proxy dealt with the request. */
    public enum Outcome {
        /**
         * The proxy relayed: its own connection to the destination is in the capture, or the destination's own
         * reply came back through it.
         */
        ESTABLISHED,
        /** The proxy itself said no (its own refusal, error page or demand for credentials). */
        REFUSED,
        /**
         * The proxy said yes, but nothing shows the destination answered: nothing came back, what came back does
         * not fit the destination, or the capture holds the proxy's onward connections for other sessions but
         * none for this one. Not proof of a relay.
         */
        UNVERIFIED;

        private final String word = name().toLowerCase(java.util.Locale.ROOT);

        public String word() {
            return word;
        }
    }

    /** This session with another outcome and the evidence for it. */
    ProxySession judged(Outcome newOutcome, String newEvidence, OptionalInt relayed) {
        return new ProxySession(flow, protocol, destination, newOutcome, code, newEvidence, carriesSmtp, smtpMessages,
                smtpRecipients, relayed);
    }

    public Endpoint client() {
        return flow.client();
    }

    public Endpoint proxy() {
        return flow.server();
    }
}
