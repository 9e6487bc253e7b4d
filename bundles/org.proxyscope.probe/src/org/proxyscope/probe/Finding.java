package org.proxyscope.probe;

/**
 * The result of one protocol probed on one port.
 *
 * @param canaryVerified whether the canary received this probe's token through the target
 * @param detail         what was seen, for the analyst: status lines, reply codes, revealing headers
 * @param transcript     every byte sent and received on the probe's connections
 */
public record Finding(int port, String protocol, Verdict verdict, boolean canaryVerified, String detail,
        Transcript transcript) {
}
