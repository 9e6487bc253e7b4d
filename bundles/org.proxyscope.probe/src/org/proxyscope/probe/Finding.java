package org.proxyscope.probe;

import java.util.Optional;

/**
 * The result of one protocol probed on one port.
 *
 * @param proof      the canary's receipt of this probe's token through the target; present only when {@code OPEN}
 * @param detail     what was seen, for the analyst: status lines, reply codes, revealing headers
 * @param transcript every byte sent and received on the probe's connections
 */
public record Finding(int port, String protocol, Verdict verdict, Optional<CanaryProof> proof, String detail,
        Transcript transcript) {

    /** A finding without canary proof: anything but {@link Verdict#OPEN}. */
    public Finding(int port, String protocol, Verdict verdict, String detail, Transcript transcript) {
        this(port, protocol, verdict, Optional.empty(), detail, transcript);
    }

    /** Whether the canary received this probe's token through the target. */
    public boolean canaryVerified() {
        return proof.isPresent();
    }
}
