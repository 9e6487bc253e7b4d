package org.proxyscope.probe;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What the probes of one port learn from each other while they run: how fast the port answered the
 * first protocol that got an answer. A probe whose connection has heard nothing at all stops waiting well
 * after that, instead of at its deadline: a port that answers HTTP within milliseconds and stays silent to
 * a SOCKS greeting (squid waits for the rest of an HTTP request) is not a SOCKS proxy, and saying so
 * after a few round trips instead of the whole deadline is what makes a run short.
 * <p>
 * The margin is generous on purpose: an answer that needs the proxy to reach the canary first (a SOCKS4
 * grant, an HTTP GET) takes about two round trips where a greeting takes one, so a probe waits four
 * times the port's first answer plus {@link #MARGIN}.
 */
public final class PortSignals {

    static final Duration MARGIN = Duration.ofMillis(250);

    private long firstAnswerNanos = -1;
    private String firstAnswerBy;

    /** Records that a connection of {@code protocol} got its first bytes (or its close) {@code afterNanos} after asking. */
    public synchronized void answered(String protocol, long afterNanos) {
        if (firstAnswerNanos < 0 || afterNanos < firstAnswerNanos) {
            firstAnswerNanos = afterNanos;
            firstAnswerBy = protocol;
        }
    }

    /**
     * How much longer a connection that has heard nothing for {@code silentNanos} keeps waiting: a
     * positive number of nanoseconds, or -1 when no other protocol has been answered (wait for the deadline).
     *
     * @throws SilentPortException when the patience is spent
     */
    synchronized long patienceLeft(String protocol, long silentNanos) throws SilentPortException {
        if (firstAnswerNanos < 0 || protocol.equals(firstAnswerBy)) {
            return -1;
        }
        long patience = 4 * firstAnswerNanos + MARGIN.toNanos();
        if (silentNanos >= patience) {
            throw new SilentPortException("silent for " + silentNanos / 1_000_000 + " ms, while the port answered " + firstAnswerBy
                    + " within " + Math.max(1, firstAnswerNanos / 1_000_000) + " ms");
        }
        return patience - silentNanos;
    }

    /** A connection heard nothing long after the same port answered another protocol: it does not speak this one. */
    public static final class SilentPortException extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        SilentPortException(String message) {
            super(message);
        }
    }
}
