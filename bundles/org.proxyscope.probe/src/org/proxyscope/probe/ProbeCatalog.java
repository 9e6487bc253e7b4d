package org.proxyscope.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The probes Proxyscope can run: the built-in ones and those plug-ins add. In the workbench this is a
 * Declarative Services component that collects every {@link ProxyProbe} service as plug-ins come and go;
 * on the headless command line's plain class path, where no service registry runs, plug-ins announce
 * their probes in {@code META-INF/services/org.proxyscope.probe.ProxyProbe} instead.
 */
public final class ProbeCatalog {

    private static volatile ProbeCatalog active;

    private final List<ProxyProbe> contributed = new CopyOnWriteArrayList<>();

    /** DS activation: from now on {@link #current()} is this registry-fed catalog. */
    void activate() {
        active = this;
    }

    void deactivate() {
        if (active == this) {
            active = null;
        }
    }

    /** DS bind: a plug-in registered a probe service. */
    void add(ProxyProbe probe) {
        contributed.add(probe);
    }

    /** DS unbind: the plug-in went away. */
    void remove(ProxyProbe probe) {
        contributed.remove(probe);
    }

    /**
     * The catalog of this process: the DS component when the OSGi runtime started it, otherwise the
     * built-in probes plus those found through {@link ServiceLoader} on the class path.
     */
    public static ProbeCatalog current() {
        ProbeCatalog registered = active;
        if (registered != null) {
            return registered;
        }
        ProbeCatalog fromClassPath = new ProbeCatalog();
        ServiceLoader.load(ProxyProbe.class, ProbeCatalog.class.getClassLoader()).forEach(fromClassPath::add);
        return fromClassPath;
    }

    /** Built-in probes first, in their usual order; a contributed probe may not take a built-in's name. */
    public List<ProxyProbe> probes() {
        List<ProxyProbe> all = new ArrayList<>(Prober.builtIn());
        List<String> names = new ArrayList<>(all.stream().map(ProxyProbe::protocol).toList());
        for (ProxyProbe probe : contributed) {
            if (!names.contains(probe.protocol())) {
                names.add(probe.protocol());
                all.add(probe);
            }
        }
        return all;
    }

    /** A prober over every probe in the catalog now. */
    public Prober prober() {
        return new Prober(probes());
    }
}
