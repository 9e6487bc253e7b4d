package org.proxyscope.plugins.internal.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.UsageException;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.internal.p2.P2Installer;
import org.proxyscope.plugins.internal.p2.P2Progress;

/**
 * {@code proxyscope plugins [--repository URI] [--forget URI] [--json]}: the installed features and the update sites
 * the installation remembers, or what an update site offers.
 */
public final class PluginsCommand extends InstallerCommand {

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "the installed plug-ins (from the product or added), or what an update site offers";
    }

    @Override
    public String usage() {
        return """
                [--repository URI] [--forget URI] [--json]
                  (none)          the installed features: id, version, name, origin (product or added),
                                  and the update sites this installation remembers
                  --repository    what the update site offers, by category (a URL, a folder or a zipped site);
                                  the site is remembered
                  --forget        forget a remembered update site""";
    }

    @Override
    Arguments parse(List<String> raw) throws UsageException {
        Arguments args = Arguments.parse(raw, Set.of("--repository", "--forget"), Set.of("--json", "--progress"));
        args.positional();
        repositoryOption(args);
        return args;
    }

    @Override
    int work(Arguments args, P2Installer p2, P2Progress monitor, CommandContext io) throws Exception {
        if (args.option("--forget").isPresent()) {
            p2.forget(repository(args.option("--forget").get()));
        }
        Optional<URI> site = repositoryOption(args);
        if (site.isPresent()) {
            URI uri = site.get();
            List<Feature> offered = p2.available(uri, monitor);
            if (args.flag("--json")) {
                JsonObject o = new JsonObject();
                o.addProperty("repository", uri.toString());
                o.add("features", FeatureJson.of(offered));
                io.out().println(JsonText.pretty(o));
            } else {
                String category = null;
                for (Feature f : offered) {
                    if (!f.category().equals(category)) {
                        category = f.category();
                        io.out().println(category);
                    }
                    io.out().printf("  %-32s %-36s %-24s %s%n", f.name(), f.id(), f.version(),
                            f.installed().map(v -> "installed " + v).orElse(""));
                }
                if (offered.isEmpty()) {
                    io.out().println(uri + " offers no features");
                }
            }
            return ExitCode.OK;
        }
        List<Feature> installed = p2.installed();
        List<URI> sites = p2.repositories();
        if (args.flag("--json")) {
            JsonObject o = new JsonObject();
            o.add("features", FeatureJson.of(installed));
            JsonArray repositories = new JsonArray();
            sites.forEach(u -> repositories.add(u.toString()));
            o.add("repositories", repositories);
            io.out().println(JsonText.pretty(o));
        } else {
            for (Feature f : installed) {
                io.out().printf("%-32s %-36s %-24s %s%n", f.name(), f.id(), f.version(), f.origin());
            }
            io.out().println(sites.isEmpty() ? "No update sites remembered." : "Update sites: "
                    + String.join(", ", sites.stream().map(URI::toString).toList()));
        }
        return ExitCode.OK;
    }
}
