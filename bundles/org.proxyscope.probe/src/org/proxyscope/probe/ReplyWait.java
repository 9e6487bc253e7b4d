package org.proxyscope.probe;

import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * How long the next read of one probe connection may block: until the connection's deadline, or, while
 * the connection has heard nothing at all, until the port's other answers say it never will (see
 * {@link PortSignals}). Reads block in short slices meanwhile, so an answer on another connection of the
 * same port is noticed soon.
 */
public final class ReplyWait {

    private static final long SLICE = TimeUnit.MILLISECONDS.toNanos(50);

    private final PortSignals signals;
    private final String protocol;
    private final long deadline;
    private long askedAt = System.nanoTime();
    private boolean heard;

    public ReplyWait(PortSignals signals, String protocol, long deadlineNanos) {
        this.signals = signals;
        this.protocol = protocol;
        this.deadline = deadlineNanos;
    }

    /** We sent something: until the first answer, silence counts from here. */
    public void asked() {
        if (!heard) {
            askedAt = System.nanoTime();
        }
    }

    /** The peer sent its first bytes or closed: the port answers this protocol, and the others learn how fast. */
    public void heard() {
        if (!heard) {
            heard = true;
            signals.answered(protocol, System.nanoTime() - askedAt);
        }
    }

    /**
     * The timeout for the next blocking read, in milliseconds (at least 1).
     *
     * @throws SocketTimeoutException at the deadline, or {@link PortSignals.SilentPortException} when the
     *                                port answered another protocol long ago and this connection heard nothing
     */
    public int nextReadMillis() throws SocketTimeoutException {
        long now = System.nanoTime();
        long left = deadline - now;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        if (!heard) {
            long patience = signals.patienceLeft(protocol, now - askedAt);
            left = Math.min(left, patience < 0 ? SLICE : patience);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
    }
}
