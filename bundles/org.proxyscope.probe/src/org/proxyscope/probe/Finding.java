package org.proxyscope.probe;

import java.util.Optional;

import org.proxyscope.core.model.PortService;

/**
 * The result of one protocol probed on one port.
 *
 * @param proof      the canary's receipt of this probe's token through the target; present only when {@code OPEN}
 * @param detail     what was seen, for the analyst: status lines, reply codes, revealing headers
 * @param transcript every byte sent and received on the probe's connections
 * @param service    what answered on the port as far as the replies of all its probes tell ({@link PortService#label()}),
 *                   empty when they tell nothing
 */
public record Finding(int port, String protocol, Verdict verdict, Optional<CanaryProof> proof, String detail,
        Transcript transcript, String service) implements PortFinding {

    /** A finding whose port's service is not named yet: the prober names it once every probe of the port is in. */
    public Finding(int port, String protocol, Verdict verdict, Optional<CanaryProof> proof, String detail, Transcript transcript) {
        this(port, protocol, verdict, proof, detail, transcript, "");
    }

    /** A finding without canary proof: anything but {@link Verdict#OPEN}. */
    public Finding(int port, String protocol, Verdict verdict, String detail, Transcript transcript) {
        this(port, protocol, verdict, Optional.empty(), detail, transcript);
    }

    /** Whether the canary received this probe's token through the target. */
    public boolean canaryVerified() {
        return proof.isPresent();
    }

    /** This finding, with its port's service named. */
    public Finding withService(String name) {
        return new Finding(port, protocol, verdict, proof, detail, transcript, name);
    }
}
