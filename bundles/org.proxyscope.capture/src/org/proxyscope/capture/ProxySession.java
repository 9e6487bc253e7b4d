package org.proxyscope.capture;

import java.io.IOException;
import java.util.OptionalInt;

import org.proxyscope.cli.JsonStreamWriter;

/**
 * A client's use of a proxy seen in a capture.
 * <p>
 * A class, not a record: a session paired with the proxy's own onward connection says so in its evidence ("the
 * proxy's connection to ... is flow 812; ..."), and that text is made when it is first asked for, then kept. Made
 * for each of a dense capture's tens of thousands of sessions as they were paired, it was a tenth of what an import
 * allocated and stayed in memory with the capture, although the views ask for the few rows on screen. The JSON
 * writes it in parts, and a case's row keeps the parts ({@link #pairedEvidence}), so an import makes none.
 */
public final class ProxySession {

    /** How the proxy dealt with the request. */
    public enum Outcome {
        /**
         * The proxy relayed: its own connection to the destination is in the capture, or the destination's own
         * reply came back through it.
         */
        ESTABLISHED,
        /** The proxy itself said no (its own refusal, error page or demand for credentials). */
        REFUSED,
        /**
         * The proxy said yes, but nothing shows the destination answered: nothing came back, what came back does
         * not fit the destination, or the capture holds the proxy's onward connections for other sessions but
         * none for this one. Not proof of a relay.
         */
        UNVERIFIED;

        private final String word = name().toLowerCase(java.util.Locale.ROOT);

        public String word() {
            return word;
        }

        /** How much it weighs in a case, the weightiest first: a relay, then a claim to relay, then a refusal. */
        public int rank() {
            return this == ESTABLISHED ? 0 : this == UNVERIFIED ? 1 : 2;
        }
    }

    private static final int NONE = -1;

    private final Flow flow;
    private final String protocol;
    private final String destination;
    private final Outcome outcome;
    private final String code;
    /** The evidence, less the onward connection when {@link #relayedBy} paired it. */
    private final String reason;
    private final boolean carriesSmtp;
    private final int smtpMessages;
    private final int smtpRecipients;
    private final int relayedFlow;
    private final boolean paired;
    /**
     * The evidence once made. Written without a lock, as String's hash is: two threads asking at once each make the
     * same text, and a String is safely seen whole.
     */
    private String evidence;

    /**
     * @param protocol    socks4, socks5, http-connect, http-forward or wingate
     * @param destination where the client asked the proxy to connect, {@code host:port}
     * @param code        the proxy's answer: an HTTP status, a SOCKS reply code, or a WinGate message
     * @param evidence    why the outcome is what it is, in the analyst's words: what came back and from whom
     * @param relayedFlow the proxy host's own connection to the destination, when the capture holds it
     */
    public ProxySession(Flow flow, String protocol, String destination, Outcome outcome, String code, String evidence,
            boolean carriesSmtp, int smtpMessages, int smtpRecipients, OptionalInt relayedFlow) {
        this(flow, protocol, destination, outcome, code, evidence, carriesSmtp, smtpMessages, smtpRecipients,
                relayedFlow.orElse(NONE), false);
    }

    private ProxySession(Flow flow, String protocol, String destination, Outcome outcome, String code, String reason,
            boolean carriesSmtp, int smtpMessages, int smtpRecipients, int relayedFlow, boolean paired) {
        this.flow = flow;
        this.protocol = protocol;
        this.destination = destination;
        this.outcome = outcome;
        this.code = code;
        this.reason = reason;
        this.carriesSmtp = carriesSmtp;
        this.smtpMessages = smtpMessages;
        this.smtpRecipients = smtpRecipients;
        this.relayedFlow = relayedFlow;
        this.paired = paired;
    }

    /** This session with another outcome and the evidence for it. */
    ProxySession judged(Outcome newOutcome, String newEvidence, OptionalInt relayed) {
        return new ProxySession(flow, protocol, destination, newOutcome, code, newEvidence, carriesSmtp, smtpMessages,
                smtpRecipients, relayed.orElse(NONE), false);
    }

    /** This session relayed: the proxy host's connection {@code onward} is its onward leg, whatever came back through it. */
    ProxySession relayedBy(Flow onward) {
        return new ProxySession(flow, protocol, destination, Outcome.ESTABLISHED, code, evidence(), carriesSmtp, smtpMessages,
                smtpRecipients, onward.number(), true);
    }

    public Flow flow() {
        return flow;
    }

    public String protocol() {
        return protocol;
    }

    public String destination() {
        return destination;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String code() {
        return code;
    }

    /** Why the outcome is what it is, in the analyst's words: what came back and from whom. */
    public String evidence() {
        String made = evidence;
        if (made == null) {
            made = paired ? pairedEvidence(destination, relayedFlow, reason) : reason;
            evidence = made;
        }
        return made;
    }

    /**
     * The evidence of a session paired with the proxy's connection {@code onwardFlow} to {@code destination}: that
     * connection, then what else showed ({@code reason}). Also how a kept session's row is read, which holds the three.
     */
    static String pairedEvidence(String destination, int onwardFlow, String reason) {
        return ONWARD + destination + IS_FLOW + onwardFlow + THEN + reason;
    }

    /** Whether the evidence begins with the proxy's own onward connection ({@link #relayedFlow}), before {@link #reason}. */
    boolean paired() {
        return paired;
    }

    /** The evidence, less the onward connection when {@link #paired}. */
    String reason() {
        return reason;
    }

    /** The words around a paired session's destination and onward flow in its {@link #evidence()}. */
    private static final String ONWARD = "the proxy's connection to ";
    private static final String IS_FLOW = " is flow ";
    private static final String THEN = "; ";

    /**
     * Writes {@link #evidence()} as a JSON string, in parts when it is not made yet: the command line's JSON of a
     * capture dense in proxy sessions made each paired session's sentence only to write it, 25 MB of new memory.
     */
    void writeEvidence(JsonStreamWriter o) throws IOException {
        if (!paired || evidence != null) {
            o.value(evidence());
        } else {
            o.beginString().part(ONWARD).part(destination).part(IS_FLOW).part(relayedFlow).part(THEN).part(reason).endString();
        }
    }

    public boolean carriesSmtp() {
        return carriesSmtp;
    }

    public int smtpMessages() {
        return smtpMessages;
    }

    public int smtpRecipients() {
        return smtpRecipients;
    }

    /** The proxy host's own connection to the destination, when the capture holds it. */
    public OptionalInt relayedFlow() {
        return relayedFlow == NONE ? OptionalInt.empty() : OptionalInt.of(relayedFlow);
    }

    /** Whether the capture holds the proxy host's own connection to the destination ({@link #relayedFlow}). */
    boolean hasRelayedFlow() {
        return relayedFlow != NONE;
    }

    /** {@link #relayedFlow}'s number, when {@link #hasRelayedFlow}: for loops over every session, without an OptionalInt each. */
    int relayedFlowNumber() {
        return relayedFlow;
    }

    public Endpoint client() {
        return flow.client();
    }

    public Endpoint proxy() {
        return flow.server();
    }

    /** The session as a line of a test's failure or a log: its flow, destination, outcome and evidence. */
    @Override
    public String toString() {
        return protocol + " session on flow " + flow.number() + " to " + destination + ": " + outcome.word() + ", " + evidence();
    }
}
