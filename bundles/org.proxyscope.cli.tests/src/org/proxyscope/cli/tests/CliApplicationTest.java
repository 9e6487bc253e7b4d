package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.internal.CliApplication;
import org.proxyscope.cli.internal.CommandLine;

/**
 * The command line inside OSGi (the Equinox application) finds the commands every installed bundle
 * announces, not only its own: here the probing and capture bundles run in the same framework.
 */
class CliApplicationTest {

    @Test
    void commandsOfOtherBundlesAreFoundInsideOsgi() throws Exception {
        List<Command> commands = CliApplication.commandsOf(FrameworkUtil.getBundle(CommandLine.class).getBundleContext().getBundles());
        List<String> names = commands.stream().map(Command::name).sorted().toList();
        assertTrue(names.contains("probe"), names.toString());
        assertTrue(names.contains("import"), names.toString());
        assertTrue(names.contains("case"), names.toString());
        assertEquals(names.stream().distinct().count(), names.size(), "each command once: " + names);
        assertEquals("org.proxyscope.probe",
                FrameworkUtil.getBundle(commands.stream().filter(c -> c.name().equals("probe")).findFirst().orElseThrow().getClass())
                        .getSymbolicName());
    }
}
