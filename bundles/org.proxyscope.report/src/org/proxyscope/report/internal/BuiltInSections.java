package org.proxyscope.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.model.ScopeEntry;
import org.proxyscope.report.Contribution;
import org.proxyscope.report.Remediation;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportTime;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportWriter;

/**
 * The sections every report has, whatever plug-ins are installed: the executive summary, scope and
 * authorisation, remediation for the customer, the evidence list and the full custody log.
 */
public final class BuiltInSections {

    private BuiltInSections() {
    }

    public static List<ReportSection> all() {
        return List.of(new Summary(), new ScopeAndAuthorisation(), new RemediationSection(), new EvidenceList(), new CustodyLog());
    }

    /** A section with an id, a title and an order; content and body come from the subclass. */
    private abstract static class Fixed implements ReportSection {

        private final String id;
        private final String title;
        private final int order;

        Fixed(String id, String title, int order) {
            this.id = id;
            this.title = title;
            this.order = order;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public boolean hasContent(ReportContext context) {
            return true;
        }
    }

    static final class Summary extends Fixed {

        Summary() {
            super("org.proxyscope.report.summary", "Executive summary", 100);
        }

        @Override
        public void write(ReportContext context, ReportWriter out) {
            Case c = context.subject();
            out.emphasis(context.verdictAndWhen());
            out.paragraph("The customer line " + c.target() + (c.customer().isPresent() ? " (customer " + c.customer().get() + ")" : "")
                    + " was investigated as a suspected open proxy: a machine that relays other people's connections, and"
                    + " so their spam, under the customer's address. " + switch (context.standing()) {
                        case RELAYS -> "The evidence below shows that it does.";
                        case INCONCLUSIVE -> "The evidence below shows a service that claims to relay, but no proof that it does.";
                        case NO_RELAY -> context.contributions().isEmpty()
                                ? "The case holds no probe run or capture analysis yet."
                                : "The evidence below shows no relaying.";
                    });
            for (Contribution x : context.contributions()) {
                for (String sentence : x.summary()) {
                    out.paragraph(sentence);
                }
            }
            if (context.standing() == Contribution.Standing.RELAYS) {
                out.paragraph("Until the services named under Remediation are closed, anyone on the Internet can send mail and"
                        + " traffic that appears to come from this customer; that is why the ISP's mail servers are blocklisted.");
            }
        }
    }

    static final class ScopeAndAuthorisation extends Fixed {

        ScopeAndAuthorisation() {
            super("org.proxyscope.report.scope", "Scope and authorisation", 200);
        }

        @Override
        public void write(ReportContext context, ReportWriter out) {
            Case c = context.subject();
            out.paragraph("The hosts and ports the case authorises active tests on, as they stand now. Proxyscope checks every"
                    + " connection of a probe against the scope in force at the time: each probe run names the scope it was"
                    + " checked against, and each change to the scope is in the custody log.");
            List<String[]> rows = new ArrayList<>();
            for (ScopeEntry e : c.scope().entries()) {
                rows.add(new String[] {e.host().toString(), e.ports().equals(PortRanges.ALL) ? "every port" : e.ports().toString()});
            }
            out.table(List.of("Host", "Ports"), new float[] {50, 50}, rows);
            List<String[]> facts = new ArrayList<>();
            facts.add(new String[] {"Opened", ReportTime.utc(c.created()) + " by " + c.analyst()});
            facts.add(new String[] {"Status", c.status().label()});
            facts.add(new String[] {"Severity", c.severity().word()});
            if (!c.tags().isEmpty()) {
                facts.add(new String[] {"Tags", String.join(", ", c.tags())});
            }
            out.facts(facts);
        }
    }

    static final class RemediationSection extends Fixed {

        RemediationSection() {
            super("org.proxyscope.report.remediation", "Remediation for the customer", 600);
        }

        @Override
        public boolean hasContent(ReportContext context) {
            return !exposed(context).isEmpty();
        }

        private static Set<Contribution.Exposure> exposed(ReportContext context) {
            Set<Contribution.Exposure> all = new LinkedHashSet<>();
            context.contributions().forEach(x -> all.addAll(x.exposed()));
            return all;
        }

        @Override
        public void write(ReportContext context, ReportWriter out) {
            Set<Contribution.Exposure> exposed = exposed(context);
            out.paragraph("These services on " + context.subject().target() + " were found relaying or open to abuse:");
            List<String[]> rows = new ArrayList<>();
            for (Contribution.Exposure e : exposed) {
                rows.add(new String[] {Integer.toString(e.port()), e.protocol()});
            }
            out.table(List.of("Port", "Service"), new float[] {20, 80}, rows);
            out.heading("What the customer must do");
            int n = 0;
            for (String step : Remediation.steps(exposed.stream().map(Contribution.Exposure::port).toList())) {
                out.paragraph((++n) + ". " + step);
            }
        }
    }

    static final class EvidenceList extends Fixed {

        EvidenceList() {
            super("org.proxyscope.report.evidence", "Evidence", 700);
        }

        @Override
        public void write(ReportContext context, ReportWriter out) {
            if (context.evidence().isEmpty()) {
                out.paragraph("The case holds no evidence files.");
                return;
            }
            out.paragraph("Every file is stored read-only in the workspace under its SHA-256, computed as it was added.");
            List<String[]> rows = new ArrayList<>();
            for (Evidence e : context.evidence()) {
                rows.add(new String[] {"#" + e.number(), e.originalName() + (e.source().isEmpty() ? "" : "\n" + e.source()),
                        e.size() + " bytes", ReportTime.utc(e.added()) + "\n" + e.addedBy(),
                        e.sha256() + (e.isPurged() ? "\npurged " + ReportTime.utc(e.purged().get()) + ": " + e.purgeReason() : "")});
            }
            out.table(List.of("No.", "File and source", "Size", "Added", "SHA-256"), new float[] {7, 30, 13, 20, 30}, rows);
        }
    }

    static final class CustodyLog extends Fixed {

        CustodyLog() {
            super("org.proxyscope.report.custody", "Custody log", 800);
        }

        @Override
        public void write(ReportContext context, ReportWriter out) {
            out.paragraph("Every action on the case, in order. Each entry's SHA-256 covers the entry and the hash of the one"
                    + " before it, so an entry altered, removed or inserted later breaks the chain.");
            List<String[]> rows = new ArrayList<>();
            for (CustodyEntry e : context.custody()) {
                rows.add(new String[] {Integer.toString(e.sequence()), ReportTime.utc(e.at()), e.analyst(), e.actionWord(),
                        e.details() + "\nSHA-256 " + e.hash()});
            }
            out.table(List.of("No.", "Time", "Analyst", "Action", "Details and entry hash"), new float[] {6, 17, 11, 13, 53}, rows);
        }
    }
}
