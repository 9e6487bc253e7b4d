package org.proxyscope.dnsbl.internal.report;

import java.util.ArrayList;
import java.util.List;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.dnsbl.DnsblAnswer;
import org.proxyscope.dnsbl.DnsblChecks;
import org.proxyscope.dnsbl.DnsblReport;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportTime;
import org.proxyscope.report.ReportWriter;

/**
 * The report's DNS blocklists section: what the lists answered about the target. It adds nothing to the verdict:
 * a listing shows that others saw abuse from the address, not that this host relays.
 */
public final class DnsblSection implements ReportSection {

    @Override
    public String id() {
        return "org.proxyscope.dnsbl.listings";
    }

    @Override
    public String title() {
        return "DNS blocklists";
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public boolean hasContent(ReportContext context) throws WorkspaceException {
        return !checks(context).isEmpty();
    }

    @Override
    public void write(ReportContext context, ReportWriter out) throws WorkspaceException {
        List<DnsblChecks.Check> checks = checks(context);
        DnsblChecks.Check latest = checks.get(checks.size() - 1);
        DnsblReport r = latest.report();
        out.paragraph("Whether the customer's address is on DNS blocklists, the lists other mail servers consult before they"
                + " accept mail. A listing is not proof that this host relays: it shows that others saw spam or abuse"
                + " from the address, and it is why mail from the customer, or from the ISP's servers, is refused.");
        out.emphasis(r.summary() + ".");
        out.facts(List.of(new String[] {"Checked", ReportTime.utc(r.checked()) + " by " + latest.analyst()},
                new String[] {"Resolver", r.resolver()}, new String[] {"Check", latest.number() + " of " + checks.size()}));
        List<String[]> rows = new ArrayList<>();
        for (DnsblAnswer a : r.answers()) {
            rows.add(new String[] {a.list().name(), a.list().zone(), a.detail()});
        }
        out.table(List.of("List", "Zone", "Answer"), new float[] {22, 26, 52}, rows);
        if (checks.size() > 1) {
            out.heading("Earlier checks");
            List<String[]> earlier = new ArrayList<>();
            for (DnsblChecks.Check c : checks.subList(0, checks.size() - 1)) {
                earlier.add(new String[] {Integer.toString(c.number()), ReportTime.utc(c.report().checked()), c.report().summary()});
            }
            out.table(List.of("Check", "Time", "Answer"), new float[] {8, 22, 70}, earlier);
        }
    }

    private static List<DnsblChecks.Check> checks(ReportContext context) throws WorkspaceException {
        return context.once("org.proxyscope.dnsbl.checks", () -> DnsblChecks.of(context.workspace()).of(context.subject().id())
                .stream().filter(c -> !c.report().checked().isAfter(context.generated())).toList());
    }
}
