package org.proxyscope.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

import org.proxyscope.report.internal.BuiltInSections;

/**
 * The report sections of this process: the built-in ones and those plug-ins add. In the workbench a
 * Declarative Services component collects every {@link ReportSection} service as plug-ins come and go; on
 * the command line's plain class path, plug-ins list their sections in
 * {@code META-INF/services/org.proxyscope.report.ReportSection}.
 */
public final class ReportSections {

    private static volatile ReportSections active;

    private final List<ReportSection> contributed = new CopyOnWriteArrayList<>();

    void activate() {
        active = this;
    }

    void deactivate() {
        if (active == this) {
            active = null;
        }
    }

    void add(ReportSection section) {
        contributed.add(section);
    }

    void remove(ReportSection section) {
        contributed.remove(section);
    }

    /** The DS component when the OSGi runtime started it, otherwise built-ins plus the class path's sections. */
    public static ReportSections current() {
        ReportSections registered = active;
        if (registered != null) {
            return registered;
        }
        ReportSections fromClassPath = new ReportSections();
        ServiceLoader.load(ReportSection.class, ReportSections.class.getClassLoader()).forEach(fromClassPath::add);
        return fromClassPath;
    }

    /** Every section in report order; a contributed section may not take an id already present. */
    public List<ReportSection> sections() {
        List<ReportSection> all = new ArrayList<>(BuiltInSections.all());
        for (ReportSection s : contributed) {
            if (all.stream().noneMatch(x -> x.id().equals(s.id()))) {
                all.add(s);
            }
        }
        all.sort(Comparator.comparingInt(ReportSection::order).thenComparing(ReportSection::id));
        return all;
    }
}
