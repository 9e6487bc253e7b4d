package org.proxyscope.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a probe needs: the target address and port (already checked against the case's scope), the canary
 * to ask the target to reach, the deadline of each connection, the protocol being probed and what the
 * other probes of the same port have learnt so far.
 */
public record ProbeContext(InetSocketAddress target, Canary canary, Duration timeout, String protocol, PortSignals signals) {

    public int port() {
        return target.getPort();
    }

    /** Opens a connection to the target that ends by itself at this probe's deadline, or sooner in silence (see {@link PortSignals}). */
    public ProbeConnection connect(Transcript transcript) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return ProbeConnection.open(target, deadline, transcript, new ReplyWait(signals, protocol, deadline));
    }
}
