package org.proxyscope.probe;

/**
 * One proxy or relay protocol Proxyscope can test. Built-in probes cover HTTP and SOCKS; a plug-in adds
 * another by registering an implementation as an OSGi service (or, on the command line's class path, in
 * {@code META-INF/services/org.proxyscope.probe.ProxyProbe}).
 * <p>
 * A probe must ask the target to reach {@link ProbeContext#canary()} with a fresh {@link Canary#newToken()}
 * and return {@link Verdict#OPEN} only when the canary received that token.
 */
public interface ProxyProbe {

    /** The protocol's id in results and on the command line, e.g. {@code socks5}. */
    String protocol();

    /** Runs the probe; never throws for what the target does: a failure is a verdict. */
    Finding probe(ProbeContext context);
}
