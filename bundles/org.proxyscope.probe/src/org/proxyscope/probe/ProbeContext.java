package org.proxyscope.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a probe needs: the target address and port (already checked against the case's scope), the canary
 * to ask the target to reach, and the deadline of each connection.
 */
public record ProbeContext(InetSocketAddress target, Canary canary, Duration timeout) {

    public int port() {
        return target.getPort();
    }

    /** Opens a connection to the target that ends by itself at this probe's deadline. */
    public ProbeConnection connect(Transcript transcript) throws IOException {
        return ProbeConnection.open(target, System.nanoTime() + timeout.toNanos(), transcript);
    }
}
