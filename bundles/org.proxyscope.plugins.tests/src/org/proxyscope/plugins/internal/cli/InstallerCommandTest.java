package org.proxyscope.plugins.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.UsageException;
import org.proxyscope.plugins.PluginException;

/**
 * The plug-in commands' arguments, checked before any installer process starts. Installing itself is tested on the
 * packaged product (releng/smoke/plugins-smoke.sh): it needs an installation p2 made.
 */
class InstallerCommandTest {

    @TempDir
    Path tmp;

    private static CommandContext io() {
        return new CommandContext(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void anUpdateSiteIsAUrlAFolderOrAZippedSite() throws Exception {
        assertEquals(URI.create("http://127.0.0.1:8080/site"), InstallerCommand.repository("http://127.0.0.1:8080/site"));
        assertEquals(URI.create("https://updates.example.net/proxyscope/"), InstallerCommand.repository(" https://updates.example.net/proxyscope/ "));
        Path folder = Files.createDirectories(tmp.resolve("site"));
        assertEquals(folder.toUri(), InstallerCommand.repository(folder.toString()));
        assertEquals(folder.toUri(), InstallerCommand.repository(folder.toUri().toString()));
        Path zip = Files.write(tmp.resolve("site.zip"), new byte[] {'P', 'K', 5, 6});
        assertEquals(URI.create("jar:" + zip.toUri() + "!/"), InstallerCommand.repository(zip.toString()));
        UsageException missing = assertThrows(UsageException.class, () -> InstallerCommand.repository(tmp.resolve("none").toString()));
        assertEquals("--repository: " + tmp.resolve("none") + " is neither a folder nor a zipped update site", missing.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThrows(UsageException.class, () -> InstallerCommand.repository(text.toString()));
    }

    @Test
    void wrongArgumentsAreSaidBeforeAnyProcessStarts() {
        assertEquals("--feature is required", assertThrows(UsageException.class,
                () -> new InstallCommand().run(List.of("--repository", tmp.toString()), io())).getMessage());
        assertEquals("--repository is required", assertThrows(UsageException.class,
                () -> new InstallCommand().run(List.of("--feature", "org.proxyscope.dnsbl.feature"), io())).getMessage());
        assertEquals("unexpected argument 'org.proxyscope.dnsbl.feature'", assertThrows(UsageException.class,
                () -> new UninstallCommand().run(List.of("org.proxyscope.dnsbl.feature"), io())).getMessage());
        assertEquals("unknown option --all", assertThrows(UsageException.class,
                () -> new PluginsCommand().run(List.of("--all"), io())).getMessage());
    }

    @Test
    void outsideAnInstalledProductTheCommandsSaySo() {
        PluginException e = assertThrows(PluginException.class, () -> new PluginsCommand().run(List.of(), io()));
        assertTrue(e.getMessage().startsWith("Plug-ins are managed in an installed product, and this runs from "), e.getMessage());
        assertTrue(e.getMessage().endsWith("which has no launcher 'proxyscope' and 'configuration' folder"), e.getMessage());
    }
}
