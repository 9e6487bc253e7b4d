package org.proxyscope.plugins.internal.p2;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.ILicense;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.operations.Update;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.query.IQuery;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepositoryManager;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.Installation;
import org.proxyscope.plugins.PluginException;

/**
 * The installation's p2, driven through its operations API as Eclipse's own Install New Software does: the running
 * system's profile, repositories loaded by their managers (and so remembered per installation), install,
 * uninstall and update as profile change operations that p2's engine performs whole or rolls back. Loaded only in
 * the installer process, where p2 runs.
 */
public final class P2Installer implements AutoCloseable {

    private static final String GROUP = ".feature.group";
    private static final String ROOT = "org.eclipse.equinox.p2.type.root";
    private static final String GARBAGE_COLLECTOR = "org.eclipse.equinox.internal.p2.garbagecollector.GarbageCollector";
    private static final Set<String> STARTED = Set.of("org.eclipse.equinox.p2.core", "org.eclipse.equinox.p2.garbagecollector");

    private final IProvisioningAgent agent;
    private final ProvisioningSession session;
    private final IMetadataRepositoryManager metadata;
    private final IArtifactRepositoryManager artifacts;
    private final Trust trust = new Trust();
    private final Path home;

    private P2Installer(IProvisioningAgent agent, Path home) {
        this.agent = agent;
        this.home = home;
        this.session = new ProvisioningSession(agent);
        this.metadata = agent.getService(IMetadataRepositoryManager.class);
        this.artifacts = agent.getService(IArtifactRepositoryManager.class);
        agent.registerService(UIServices.SERVICE_NAME, trust);
    }

    /** Whether p2 is there to be driven: true in the installer process only. */
    public static boolean available() {
        try {
            Class.forName("org.eclipse.equinox.p2.core.IProvisioningAgentProvider", false, P2Installer.class.getClassLoader());
            return FrameworkUtil.getBundle(P2Installer.class) != null;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The running installation's p2 agent. */
    public static P2Installer open() throws PluginException {
        BundleContext context = FrameworkUtil.getBundle(P2Installer.class).getBundleContext();
        for (Bundle b : context.getBundles()) {
            // p2's agent provider is a Declarative Services component of p2.core, and its garbage collector one of
            // p2.garbagecollector: both lazily started bundles
            if (STARTED.contains(b.getSymbolicName()) && b.getState() != Bundle.ACTIVE) {
                try {
                    b.start(Bundle.START_TRANSIENT);
                } catch (org.osgi.framework.BundleException e) {
                    throw new PluginException("p2 does not start in this installation: " + e.getMessage(), e);
                }
            }
        }
        ServiceTracker<IProvisioningAgentProvider, IProvisioningAgentProvider> tracker = new ServiceTracker<>(context,
                IProvisioningAgentProvider.class, null);
        tracker.open();
        try {
            IProvisioningAgentProvider provider = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            IProvisioningAgent agent = provider == null ? null : provider.createAgent(null);
            if (agent == null) {
                throw new PluginException("This installation was not installed by p2 (no p2 profile), so plug-ins cannot be added to it");
            }
            return new P2Installer(agent, Installation.current().home());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("Interrupted while p2 started", e);
        } catch (ProvisionException e) {
            throw new PluginException("p2 cannot open this installation: " + e.getMessage(), e);
        } finally {
            tracker.close();
        }
    }

    private IProfile profile() throws PluginException {
        IProfile profile = agent.getService(IProfileRegistry.class).getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            throw new PluginException("This installation has no p2 profile (eclipse.p2.profile in configuration/config.ini)");
        }
        return profile;
    }

    /** The features the installation holds, those of the product first, then those added, each by name. */
    public List<Feature> installed() throws PluginException {
        IProfile profile = profile();
        List<IRequirement> product = profile.query(QueryUtil.createIUProductQuery(), null).toUnmodifiableSet().stream()
                .flatMap(p -> p.getRequirements().stream()).toList();
        List<Feature> features = new ArrayList<>();
        for (IInstallableUnit iu : profile.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet()) {
            if (!iu.getId().endsWith(GROUP)) {
                continue;
            }
            boolean root = "true".equals(profile.getInstallableUnitProperty(iu, ROOT));
            boolean shipped = product.stream().anyMatch(r -> iu.satisfies(r));
            features.add(feature(iu, root && !shipped ? Feature.ADDED : Feature.PRODUCT, "", Optional.empty()));
        }
        features.sort(Comparator.comparing((Feature f) -> !f.origin().equals(Feature.PRODUCT)).thenComparing(Feature::name));
        return features;
    }

    /** What the repository at {@code uri} offers, by category, newest version of each feature. Remembers the repository. */
    public List<Feature> available(URI uri, P2Progress monitor) throws PluginException {
        IMetadataRepository repository = load(uri, monitor);
        Map<String, String> installed = installed().stream().collect(Collectors.toMap(Feature::id, Feature::version, (a, b) -> a));
        Map<String, Feature> offered = new LinkedHashMap<>();
        List<IInstallableUnit> categories = new ArrayList<>(repository.query(QueryUtil.createIUCategoryQuery(), monitor).toUnmodifiableSet());
        categories.sort(Comparator.comparing(c -> name(c)));
        for (IInstallableUnit category : categories) {
            IQuery<IInstallableUnit> members = QueryUtil.createLatestQuery(QueryUtil.createIUCategoryMemberQuery(category));
            for (IInstallableUnit iu : sorted(repository.query(members, monitor).toUnmodifiableSet())) {
                if (iu.getId().endsWith(GROUP)) {
                    String id = featureId(iu);
                    offered.putIfAbsent(id, feature(iu, Feature.AVAILABLE, name(category), Optional.ofNullable(installed.get(id))));
                }
            }
        }
        IQuery<IInstallableUnit> groups = QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery());
        for (IInstallableUnit iu : sorted(repository.query(groups, monitor).toUnmodifiableSet())) {
            String id = featureId(iu);
            if (iu.getId().endsWith(GROUP) && !offered.containsKey(id)) {
                offered.put(id, feature(iu, Feature.AVAILABLE, "Uncategorized", Optional.ofNullable(installed.get(id))));
            }
        }
        return List.copyOf(offered.values());
    }

    /**
     * Installs feature {@code id} (its newest version, or {@code version}) from the repository at {@code uri}, with
     * what it needs from there. p2 performs the change whole: a failure or cancel leaves the installation as it was.
     *
     * @param trustUnsigned whether content nobody signed may be installed; without it, such content is refused
     * @return the feature as installed
     */
    public Feature install(URI uri, String id, Optional<String> version, boolean trustUnsigned, P2Progress monitor)
            throws PluginException {
        Change change = change(uri, id, version, monitor);
        perform(change.operation(), "install " + id, trustUnsigned, monitor);
        return feature(change.feature(), Feature.ADDED, "", Optional.empty());
    }

    /**
     * What installing feature {@code id} would add to the installation: its feature, its plug-ins and what they need
     * from the site, as {@code id version}; nothing is changed.
     */
    public List<String> plan(URI uri, String id, Optional<String> version, P2Progress monitor) throws PluginException {
        ProfileChangeOperation change = change(uri, id, version, monitor).operation();
        resolve(change, "install " + id, monitor);
        return change.getProvisioningPlan().getAdditions().query(QueryUtil.createIUAnyQuery(), monitor).toUnmodifiableSet().stream()
                .filter(iu -> !iu.getId().equals(id + GROUP) && !iu.getId().endsWith(".feature.jar") && !iu.getId().startsWith("tooling"))
                .map(iu -> iu.getId() + " " + iu.getVersion()).sorted().toList();
    }

    /** A change that brings {@code feature} in. */
    private record Change(ProfileChangeOperation operation, IInstallableUnit feature) {
    }

    /** The operation that brings feature {@code id} in: an install, or an update of the version installed. */
    private Change change(URI uri, String id, Optional<String> version, P2Progress monitor) throws PluginException {
        IMetadataRepository repository = load(uri, monitor);
        artifacts(uri, monitor);
        IQuery<IInstallableUnit> query;
        try {
            query = version.isPresent() ? QueryUtil.createIUQuery(id + GROUP, Version.create(version.get()))
                    : QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id + GROUP));
        } catch (IllegalArgumentException e) {
            throw new PluginException("\"" + version.get() + "\" is not a version such as 0.1.0 or 0.1.0.202612041253");
        }
        Set<IInstallableUnit> found = repository.query(query, monitor).toUnmodifiableSet();
        if (found.isEmpty()) {
            String offered = available(uri, monitor).stream().map(f -> f.id() + " " + f.version()).collect(Collectors.joining(", "));
            throw new PluginException(uri + " has no feature " + id + version.map(v -> " at version " + v).orElse("")
                    + (offered.isEmpty() ? "; it offers none" : "; it offers " + offered));
        }
        IInstallableUnit target = found.iterator().next();
        Optional<Feature> present = installed().stream().filter(f -> f.id().equals(id)).findFirst();
        if (present.isPresent() && present.get().version().equals(target.getVersion().toString())) {
            throw new PluginException(id + " " + present.get().version() + " is installed already");
        }
        if (present.isPresent()) {
            // another version is there: replace it (an install would put both side by side)
            IInstallableUnit old = profile().query(QueryUtil.createIUQuery(id + GROUP), monitor).toUnmodifiableSet().iterator().next();
            UpdateOperation update = new UpdateOperation(session, List.of(old));
            update.setProvisioningContext(context(uri));
            update.resolveModal(monitor);
            update.setSelectedUpdates(new Update[] {new Update(old, target)});
            return new Change(update, target);
        }
        InstallOperation install = new InstallOperation(session, List.of(target));
        install.setProvisioningContext(context(uri));
        return new Change(install, target);
    }

    /** Removes an added feature, with what it alone needed. */
    public Feature uninstall(String id, P2Progress monitor) throws PluginException {
        IProfile profile = profile();
        Feature feature = installed().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new PluginException("No feature " + id + " is installed; 'proxyscope plugins' lists those that are"));
        if (!feature.origin().equals(Feature.ADDED)) {
            throw new PluginException(id + " came with the product; only plug-ins added from an update site can be uninstalled");
        }
        Set<IInstallableUnit> ius = profile.query(QueryUtil.createIUQuery(id + GROUP), monitor).toUnmodifiableSet();
        UninstallOperation uninstall = new UninstallOperation(session, ius);
        uninstall.setProvisioningContext(context(null));
        perform(uninstall, "uninstall " + id, false, monitor);
        return feature;
    }

    /** Newer versions of the installation's features that the repository at {@code uri} offers. */
    public List<Feature[]> updates(URI uri, P2Progress monitor) throws PluginException {
        load(uri, monitor);
        IProfile profile = profile();
        Set<IInstallableUnit> roots = profile.query(QueryUtil.createIUAnyQuery(), monitor).toUnmodifiableSet().stream()
                .filter(iu -> iu.getId().endsWith(GROUP) && "true".equals(profile.getInstallableUnitProperty(iu, ROOT)))
                .collect(Collectors.toSet());
        UpdateOperation update = new UpdateOperation(session, roots);
        update.setProvisioningContext(context(uri));
        update.resolveModal(monitor);
        List<Feature[]> found = new ArrayList<>();
        for (Update u : update.getPossibleUpdates()) {
            found.add(new Feature[] {feature(u.toUpdate, Feature.ADDED, "", Optional.empty()),
                    feature(u.replacement, Feature.AVAILABLE, "", Optional.of(u.toUpdate.getVersion().toString()))});
        }
        found.sort(Comparator.comparing(f -> f[0].id()));
        return found;
    }

    /** The repositories the analyst added to this installation, in the order p2 keeps them. */
    public List<URI> repositories() {
        return Arrays.stream(metadata.getKnownRepositories(IRepositoryManager.REPOSITORIES_NON_SYSTEM)).sorted().toList();
    }

    /** Forgets a repository. */
    public void forget(URI uri) {
        metadata.removeRepository(uri);
        artifacts.removeRepository(uri);
    }

    private void perform(ProfileChangeOperation operation, String what, boolean trustUnsigned, P2Progress monitor)
            throws PluginException {
        collectGarbage(); // what an earlier change left: p2 keeps the jars of bundles the process runs with
        Pool before = Pool.of(home);
        boolean performed = false;
        try {
            performWhole(operation, what, trustUnsigned, monitor);
            performed = true;
            collectGarbage();
        } finally {
            if (!performed) {
                try {
                    before.restore();
                } catch (IOException | PluginException e) {
                    // the change failed already and says so; an unused leftover does no harm, the log keeps why it stayed
                    Platform.getLog(P2Installer.class).error("Cannot remove what the failed change downloaded", e);
                }
            }
        }
    }

    /**
     * Removes the jars no installed feature uses any more (an uninstalled plug-in's, an updated one's old version)
     * with p2's own garbage collector, as Eclipse's update scheduler does. p2 keeps those of bundles this process
     * started with, so an uninstalled plug-in's jars go at the next change. It is p2's internal service, so it is asked
     * for by name and called by reflection; where it is missing, the unused jars stay, which does no harm.
     */
    private void collectGarbage() {
        try {
            Object collector = agent.getService(GARBAGE_COLLECTOR);
            if (collector != null) {
                collector.getClass().getMethod("runGC", IProfile.class).invoke(collector, profile());
            }
        } catch (ReflectiveOperationException | PluginException | RuntimeException e) {
            Platform.getLog(P2Installer.class).warn("p2's garbage collector did not run: " + e);
        }
    }

    /**
     * The installation's bundle pool as it was: the entries of its plug-in and feature folders, and its record of
     * them ({@code artifacts.xml}). p2 downloads into the pool before it changes the profile, and when the change
     * fails it rolls back the profile but keeps the downloads, some of them recorded although their files are gone.
     */
    private record Pool(Path home, Set<Path> entries, Map<Path, byte[]> records) {

        private static final List<String> FOLDERS = List.of("plugins", "features");
        private static final List<String> RECORDS = List.of("artifacts.xml", "artifacts.jar", "artifacts.xml.xz");

        static Pool of(Path home) throws PluginException {
            Map<Path, byte[]> records = new LinkedHashMap<>();
            try {
                for (String name : RECORDS) {
                    Path file = home.resolve(name);
                    if (Files.exists(file)) {
                        records.put(file, Files.readAllBytes(file));
                    }
                }
            } catch (IOException e) {
                throw new PluginException("Cannot read the installation's record of its plug-ins: " + e.getMessage(), e);
            }
            return new Pool(home, entries(home), records);
        }

        private static Set<Path> entries(Path home) throws PluginException {
            Set<Path> entries = new HashSet<>();
            for (String folder : FOLDERS) {
                try (Stream<Path> list = Files.list(home.resolve(folder))) {
                    list.forEach(entries::add);
                } catch (IOException e) {
                    throw new PluginException("Cannot read " + home.resolve(folder) + ": " + e.getMessage(), e);
                }
            }
            return entries;
        }

        /** Removes what was added since, and puts the record back as it was. */
        void restore() throws IOException, PluginException {
            for (Path added : entries(home)) {
                if (!entries.contains(added)) {
                    try (Stream<Path> tree = Files.walk(added)) {
                        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            for (Map.Entry<Path, byte[]> r : records.entrySet()) {
                Path partial = r.getKey().resolveSibling(r.getKey().getFileName() + ".partial");
                Files.write(partial, r.getValue());
                Files.move(partial, r.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Resolves the change: what p2 would do, or why it cannot. */
    private void resolve(ProfileChangeOperation operation, String what, P2Progress monitor) throws PluginException {
        IStatus resolved = operation.resolveModal(monitor);
        if (monitor.isCanceled() || resolved.getSeverity() == IStatus.CANCEL) {
            throw new OperationCanceledException();
        }
        if (resolved.getSeverity() == IStatus.ERROR || operation.getProvisioningPlan() == null) {
            String details = Optional.ofNullable(operation.getResolutionDetails()).orElse(resolved.getMessage());
            throw new PluginException("Cannot " + what + ": it needs what this installation and the repository lack. "
                    + details.replaceAll("\\s+", " ").strip());
        }
    }

    private void performWhole(ProfileChangeOperation operation, String what, boolean trustUnsigned, P2Progress monitor)
            throws PluginException {
        resolve(operation, what, monitor);
        trust.unsignedAllowed = trustUnsigned;
        IStatus done = operation.getProvisioningJob(monitor).runModal(monitor);
        if (!trust.refused.isEmpty()) { // p2 reports the refusal as a cancel
            throw new PluginException("Not installed: nobody signed " + String.join(", ", trust.refused)
                    + ". Install it only if you trust where it comes from: with --trust-unsigned, or by saying yes in the workbench");
        }
        if (done.getSeverity() == IStatus.CANCEL || monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        if (!done.isOK() && done.getSeverity() != IStatus.INFO && done.getSeverity() != IStatus.WARNING) {
            Platform.getLog(P2Installer.class).log(done); // the whole story, for the installer's log
            throw new PluginException("Cannot " + what + ": " + message(done) + "; the installation is as it was");
        }
    }

    private static String message(IStatus status) {
        StringBuilder text = new StringBuilder(status.getMessage());
        for (IStatus child : status.getChildren()) {
            // p2's "session context was: (profile=..., phase=...)" names its internals, not what went wrong
            if (child.getSeverity() == IStatus.ERROR && !child.getMessage().startsWith("session context was:")) {
                text.append(": ").append(message(child));
                break;
            }
        }
        if (status.getException() != null && status.getException().getMessage() != null
                && !text.toString().contains(status.getException().getMessage())) {
            text.append(" (").append(status.getException().getMessage()).append(')');
        }
        return text.toString().replaceAll("\\s+", " ").strip();
    }

    /** Only the named repository and what the installation holds: no other remembered site is asked. */
    private ProvisioningContext context(URI uri) {
        ProvisioningContext context = new ProvisioningContext(agent);
        URI[] only = uri == null ? new URI[0] : new URI[] {uri};
        context.setMetadataRepositories(only);
        context.setArtifactRepositories(only);
        return context;
    }

    private IMetadataRepository load(URI uri, P2Progress monitor) throws PluginException {
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // p2 reads http:// sites over https unless told otherwise (CVE-2021-41033); a site the analyst names with
            // http:// is read as named, as a desk's own site on its network often serves only http. p2 reads the
            // rule once per process, and this process serves one command.
            System.setProperty("p2.httpRule", "allow");
        }
        try {
            IMetadataRepository repository = metadata.loadRepository(uri, monitor);
            metadata.addRepository(uri); // remembered per installation, as Install New Software lists them
            return repository;
        } catch (ProvisionException e) {
            metadata.removeRepository(uri);
            throw new PluginException("Cannot read the update site " + uri + ": " + message(e.getStatus()), e);
        } catch (OperationCanceledException e) {
            throw e;
        }
    }

    private void artifacts(URI uri, P2Progress monitor) throws PluginException {
        try {
            artifacts.loadRepository(uri, monitor);
            artifacts.addRepository(uri);
        } catch (ProvisionException e) {
            throw new PluginException("Cannot read the plug-ins of the update site " + uri + ": " + message(e.getStatus()), e);
        }
    }

    private static List<IInstallableUnit> sorted(Set<IInstallableUnit> ius) {
        return ius.stream().sorted(Comparator.comparing(P2Installer::name)).toList();
    }

    private static String featureId(IInstallableUnit iu) {
        return iu.getId().substring(0, iu.getId().length() - GROUP.length());
    }

    private static String name(IInstallableUnit iu) {
        return Optional.ofNullable(iu.getProperty(IInstallableUnit.PROP_NAME, null)).orElse(iu.getId());
    }

    private static Feature feature(IInstallableUnit iu, String origin, String category, Optional<String> installed) {
        String licence = iu.getLicenses(null).stream().map(ILicense::getBody).filter(b -> b != null && !b.isBlank())
                .collect(Collectors.joining("\n\n"));
        return new Feature(featureId(iu), iu.getVersion().toString(), name(iu),
                Optional.ofNullable(iu.getProperty(IInstallableUnit.PROP_PROVIDER, null)).orElse(""),
                paragraphs(Optional.ofNullable(iu.getProperty(IInstallableUnit.PROP_DESCRIPTION, null)).orElse("")), paragraphs(licence),
                origin, category, installed);
    }

    /** Text as feature.xml wraps it, its lines joined again; blank lines still part paragraphs. */
    private static String paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .collect(Collectors.joining("\n\n"));
    }

    @Override
    public void close() {
        agent.stop();
    }

    /** Answers p2's question about content nobody signed: as the analyst said, and remembers what it refused. */
    private static final class Trust extends UIServices {

        volatile boolean unsignedAllowed;
        final Set<String> refused = new TreeSet<>();

        @Override
        public TrustInfo getTrustInfo(Certificate[][] untrustedChain, String[] unsignedDetail) {
            if (!unsignedAllowed && unsignedDetail != null) {
                Arrays.stream(unsignedDetail).map(d -> Path.of(d).getFileName().toString()).forEach(refused::add);
            }
            Certificate[] trusted = untrustedChain == null ? new Certificate[0]
                    : Arrays.stream(untrustedChain).map(chain -> chain[0]).toArray(Certificate[]::new);
            return new TrustInfo(unsignedAllowed ? trusted : new Certificate[0], false, unsignedAllowed);
        }

        @Override
        public AuthenticationInfo getUsernamePassword(String location) {
            return null; // update sites that need a login are not supported: p2 then says the site refused access
        }

        @Override
        public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
            return null;
        }
    }
}
