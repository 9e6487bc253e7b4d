package org.proxyscope.capture;

import java.util.OptionalInt;

/**
 * A client's use of a proxy seen in a capture.
 *
 * @param protocol     socks4, socks5, http-connect, http-forward or wingate
 * @param destination  where the client asked the proxy to connect, {@code host:port}
 * @param code         the proxy's answer: an HTTP status, a SOCKS reply code, or a WinGate message
 * @param relayedFlow  the proxy host's own connection to the destination, when the capture holds it
 */
public record ProxySession(Flow flow, String protocol, String destination, Outcome outcome, String code,
        boolean carriesSmtp, int smtpMessages, int smtpRecipients, OptionalInt relayedFlow) {

    /** How the proxy dealt with the request. */
    public enum Outcome {
        /** The proxy agreed and the destination's own reply came back through the tunnel. */
        ESTABLISHED,
        /** The proxy said no. */
        REFUSED,
        /** The proxy said yes but nothing came back through the tunnel: not proof of a relay. */
        UNVERIFIED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Endpoint client() {
        return flow.client();
    }

    public Endpoint proxy() {
        return flow.server();
    }
}
