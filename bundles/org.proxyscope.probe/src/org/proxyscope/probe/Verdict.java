package org.proxyscope.probe;

import java.util.Locale;

/** What one probe of one port found. Only {@link #OPEN} says the host relays, and only with canary proof. */
public enum Verdict {
    /** The canary received this probe's token through the target: it relays for anyone. */
    OPEN,
    /** It is a proxy, but wants credentials (HTTP 407, SOCKS5 username/password, SOCKS4 ident). */
    AUTH_REQUIRED,
    /** It is a proxy, and refused to relay (HTTP 403, SOCKS rejection, no acceptable method). */
    DENIED,
    /** It claimed to relay (e.g. 200 to CONNECT) but the canary never saw the token: not proof. */
    UNVERIFIED,
    /** Something answered, but not in this protocol. */
    NOT_A_PROXY,
    /** Nothing listens on the port. */
    NO_SERVICE,
    /** A deadline passed: no connection, or no reply in time. */
    TIMEOUT,
    /** The probe could not be run (e.g. the canary is not reachable for this address family). */
    ERROR;

    /** Whether only a relay of the probed protocol answers so: it relayed, claimed to, refused or wanted credentials. */
    public boolean isRelayAnswer() {
        return this == OPEN || this == UNVERIFIED || this == DENIED || this == AUTH_REQUIRED;
    }

    /** The word used in JSON and on the command line: {@code auth-required}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The verdict a {@link #word()} names. */
    public static Verdict parse(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
