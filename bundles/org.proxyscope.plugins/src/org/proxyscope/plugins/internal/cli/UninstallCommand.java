package org.proxyscope.plugins.internal.cli;

import java.util.List;
import java.util.Set;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.plugins.Feature;
import org.proxyscope.plugins.internal.p2.P2Installer;
import org.proxyscope.plugins.internal.p2.P2Progress;

/** {@code proxyscope uninstall --feature ID}: removes a plug-in that was added from an update site. */
public final class UninstallCommand extends InstallerCommand {

    @Override
    public String name() {
        return "uninstall";
    }

    @Override
    public String summary() {
        return "remove a plug-in that was added from an update site";
    }

    @Override
    public String usage() {
        return """
                --feature ID [--progress]
                  --feature   the feature's id (see: plugins); the product's own features stay""";
    }

    @Override
    boolean changesInstallation(Arguments args) {
        return true;
    }

    @Override
    Arguments parse(List<String> raw) throws UsageException {
        Arguments args = Arguments.parse(raw, Set.of("--feature"), Set.of("--progress"));
        args.positional();
        args.required("--feature");
        return args;
    }

    @Override
    int work(Arguments args, P2Installer p2, P2Progress monitor, CommandContext io) throws Exception {
        Feature f = p2.uninstall(args.required("--feature"), monitor);
        io.out().println("Uninstalled " + f.name() + " " + f.version() + " (" + f.id() + "); restart the workbench to see it gone.");
        return ExitCode.OK;
    }
}
