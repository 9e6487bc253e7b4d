package org.proxyscope.probe;

import java.time.Duration;
import java.util.List;

import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.ProxyPorts;
import org.proxyscope.core.model.Scope;

/**
 * What to probe: a host, its ports and protocols, the deadlines, and the authorised scope every
 * connection is checked against before it is made.
 *
 * @param timeout per connection: connecting, the exchange and the reply together
 * @param overall for the whole run; what has not finished then is reported as a timeout
 */
public record ProbeRequest(Host host, List<Integer> ports, List<String> protocols, Duration timeout, Duration overall,
        Scope scope) {

    /** The seed's proxy ports plus the usual relay and proxy extras. */
    public static final List<Integer> DEFAULT_PORTS = ProxyPorts.ALL;

    public ProbeRequest {
        ports = List.copyOf(ports);
        protocols = List.copyOf(protocols);
    }

    /**
     * The safety rule every run obeys before it sends anything, and what the Probe Launcher checks as the
     * analyst types: the host and every port lie within the authorised scope.
     *
     * @throws ProbeRefusedException naming the host, when the scope does not name it, or the ports outside it
     */
    public void checkScope() throws ProbeRefusedException {
        if (!scope.names(host)) {
            throw new ProbeRefusedException("Not probing " + host + ": the host lies outside the authorised scope (" + scope + ")");
        }
        List<Integer> outside = ports.stream().filter(p -> !scope.permits(host, p)).toList();
        if (!outside.isEmpty()) {
            throw new ProbeRefusedException("Not probing " + host + ": " + (outside.size() > 1 ? "ports " : "port ")
                    + String.join(",", outside.stream().map(String::valueOf).toList()) + (outside.size() > 1 ? " lie" : " lies") + " outside the authorised scope (" + scope + ")");
        }
    }

    /**
     * The overall deadline for a run whose connections each get {@code timeout}: room for a connect scan and
     * a few rounds of probes at full length, plus half a minute for SMTP delivery to the canary.
     */
    public static Duration overallFor(Duration timeout) {
        // Milliseconds, not Duration.multipliedBy: that goes through BigDecimal, whose first use costs the
        // one-shot command line about 20 ms of class initialisation.
        return Duration.ofMillis(Math.addExact(Math.multiplyExact(timeout.toMillis(), 4), 30_000));
    }
}
