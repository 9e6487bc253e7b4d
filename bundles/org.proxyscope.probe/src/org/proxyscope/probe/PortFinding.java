package org.proxyscope.probe;

import org.proxyscope.core.model.PortService;

/** What a finding says of one port, whether fresh from a run ({@link Finding}) or kept in a case ({@link ProbeRun.Recorded}). */
public interface PortFinding {

    int port();

    String protocol();

    Verdict verdict();

    /** What was seen, for the analyst. */
    String detail();

    /** What answered on the port ({@link PortService#label()}); empty when its replies tell nothing. */
    String service();

    /** Whether the port never answered the TCP connect (a firewall that drops): folded into one line with its kind. */
    default boolean silentToConnect() {
        return verdict() == Verdict.TIMEOUT && detail().startsWith(Prober.SCAN_TIMEOUT);
    }
}
