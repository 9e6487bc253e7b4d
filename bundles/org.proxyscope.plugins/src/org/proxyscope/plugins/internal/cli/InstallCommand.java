package org.proxyscope.plugins.internal.cli;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.UsageException;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.internal.p2.P2Installer;
import org.proxyscope.plugins.internal.p2.P2Progress;

/** {@code proxyscope install --repository URI --feature ID [--version V] [--trust-unsigned]}: adds a plug-in. */
public final class InstallCommand extends InstallerCommand {

    @Override
    public String name() {
        return "install";
    }

    @Override
    public String summary() {
        return "install a plug-in (a feature) from an update site into this installation";
    }

    @Override
    public String usage() {
        return """
                --repository URI --feature ID [--version V] [--trust-unsigned] [--dry-run] [--progress] [--json]
                  --repository      the update site: an http(s):// or file: URL, a folder, or a zipped site
                  --feature         the feature's id, e.g. org.proxyscope.dnsbl.feature (see: plugins --repository URI)
                  --version         that version rather than the newest
                  --trust-unsigned  install content nobody signed (it is refused otherwise)
                  --dry-run         list what the install would add (the feature, its plug-ins and what they need)
                                    and change nothing
                  --progress        p2's progress on the error stream, as "progress PERCENT TASK" lines
                A failed or cancelled install (Ctrl+C) leaves the installation as it was. The plug-in's commands
                work at once; the workbench shows its views after a restart.""";
    }

    @Override
    boolean changesInstallation(Arguments args) {
        return !args.flag("--dry-run");
    }

    @Override
    Arguments parse(List<String> raw) throws UsageException {
        Arguments args = Arguments.parse(raw, Set.of("--repository", "--feature", "--version"),
                Set.of("--trust-unsigned", "--dry-run", "--progress", "--json"));
        args.positional();
        repository(args.required("--repository"));
        args.required("--feature");
        return args;
    }

    @Override
    int work(Arguments args, P2Installer p2, P2Progress monitor, CommandContext io) throws Exception {
        URI uri = repository(args.required("--repository"));
        if (args.flag("--dry-run")) {
            List<String> adds = p2.plan(uri, args.required("--feature"), args.option("--version"), monitor);
            if (args.flag("--json")) {
                JsonArray a = new JsonArray();
                adds.forEach(a::add);
                io.out().println(JsonText.pretty(a));
            } else {
                adds.forEach(io.out()::println);
            }
            return ExitCode.OK;
        }
        Feature f = p2.install(uri, args.required("--feature"), args.option("--version"), args.flag("--trust-unsigned"), monitor);
        if (args.flag("--json")) {
            io.out().println(JsonText.pretty(FeatureJson.of(f)));
        } else {
            io.out().println("Installed " + f.name() + " " + f.version() + " (" + f.id() + ") from " + uri
                    + ". Its commands work at once; restart the workbench to see its views.");
        }
        return ExitCode.OK;
    }
}
