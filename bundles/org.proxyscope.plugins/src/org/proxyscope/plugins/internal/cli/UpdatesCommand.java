package org.proxyscope.plugins.internal.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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

/** {@code proxyscope updates [--repository URI] [--json]}: newer versions of the installed features. */
public final class UpdatesCommand extends InstallerCommand {

    @Override
    public String name() {
        return "updates";
    }

    @Override
    public String summary() {
        return "newer versions of the installed plug-ins on an update site (or on every remembered one)";
    }

    @Override
    public String usage() {
        return """
                [--repository URI] [--json]
                  --repository   the update site to ask (default: every one this installation remembers)
                Install an update with: install --repository URI --feature ID""";
    }

    @Override
    Arguments parse(List<String> raw) throws UsageException {
        Arguments args = Arguments.parse(raw, Set.of("--repository"), Set.of("--json", "--progress"));
        args.positional();
        repositoryOption(args);
        return args;
    }

    @Override
    int work(Arguments args, P2Installer p2, P2Progress monitor, CommandContext io) throws Exception {
        List<URI> sites = repositoryOption(args).map(List::of).orElseGet(p2::repositories);
        List<Feature[]> updates = new ArrayList<>();
        JsonArray a = new JsonArray();
        for (URI site : sites) {
            for (Feature[] u : p2.updates(site, monitor)) {
                updates.add(u);
                JsonObject o = FeatureJson.of(u[1]);
                o.addProperty("installed", u[0].version());
                o.addProperty("repository", site.toString());
                a.add(o);
            }
        }
        if (args.flag("--json")) {
            io.out().println(JsonText.pretty(a));
        } else if (sites.isEmpty()) {
            io.out().println("No update site to ask: name one with --repository");
        } else if (updates.isEmpty()) {
            io.out().println("Every installed plug-in is up to date with " + String.join(", ", sites.stream().map(URI::toString).toList()));
        } else {
            for (Feature[] u : updates) {
                io.out().printf("%-32s %-36s %s -> %s%n", u[1].name(), u[1].id(), u[0].version(), u[1].version());
            }
        }
        return ExitCode.OK;
    }
}
