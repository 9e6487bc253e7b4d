package org.proxyscope.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.report.internal.SafeOutput;

/**
 * Who the abuse desk is, as its letters and complaints name it: the ISP's name, the desk's contact address and
 * domain, and the days a customer gets before the re-test. Kept in the workspace
 * ({@code .proxyscope/report/desk.properties}), beside the customer notice's template, so that every analyst
 * of the workspace sends the same; edited in Preferences > Reporting.
 *
 * @param name        the ISP as customers know it, e.g. "Example Net GmbH"
 * @param contact     the abuse desk's mail address
 * @param domain      the ISP's domain
 * @param retestDays  the days between the notice and the re-test
 */
public record DeskSettings(String name, String contact, String domain, int retestDays) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final String FILE = "desk.properties";

    /** A workspace that was never set up: no name, no address, a week for the re-test. */
    public static final DeskSettings UNSET = new DeskSettings("", "", "", 7);

    /** The folder of the report plug-in's files in a workspace. */
    public static Path folder(Workspace workspace) {
        return workspace.folder().resolve(WorkspaceFolder.METADATA).resolve("report");
    }

    public static DeskSettings read(Workspace workspace) throws ReportException {
        Path file = folder(workspace).resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return UNSET;
        } catch (IOException e) {
            throw new ReportException("Cannot read the abuse desk's settings " + file + ": " + e.getMessage(), e);
        }
        int days;
        try {
            days = Integer.parseInt(p.getProperty("retest.days", "7").strip());
        } catch (NumberFormatException e) {
            throw new ReportException(file + ": retest.days must be a number of days, not " + p.getProperty("retest.days"));
        }
        return new DeskSettings(p.getProperty("name", "").strip(), p.getProperty("contact", "").strip(),
                p.getProperty("domain", "").strip(), days);
    }

    /** The workspace's settings, when they will do for a letter or complaint that names its sender. */
    public static DeskSettings required(Workspace workspace) throws ReportException {
        DeskSettings desk = read(workspace);
        Optional<String> problem = desk.problem();
        if (problem.isPresent()) {
            // the command line has no dialog: the file's keys, so that it can be written by hand
            throw new ReportException(problem.get() + ": set it in Preferences > Reporting, or in " + folder(workspace).resolve(FILE)
                    + " (name=, contact=, domain=, retest.days=; e.g. name=Beispiel Netz GmbH, contact=abuse@example.net,"
                    + " domain=example.net, retest.days=7)");
        }
        return desk;
    }

    /** What is wrong with these settings for sending complaints, or empty when they will do. */
    public Optional<String> problem() {
        if (name.isBlank()) {
            return Optional.of("The abuse desk's name (the ISP) is not set");
        }
        if (!ADDRESS.matcher(contact).matches()) {
            return Optional.of("The abuse desk's contact must be a mail address such as abuse@example.net, not \"" + contact + "\"");
        }
        if (!DOMAIN.matcher(domain).matches() || !domain.contains(".")) {
            return Optional.of("The ISP's domain must be a domain name such as example.net, not \"" + domain + "\"");
        }
        if (retestDays < 1 || retestDays > 365) {
            return Optional.of("The re-test deadline must be 1 to 365 days, not " + retestDays);
        }
        return Optional.empty();
    }

    /** Saves the settings into the workspace, whole or not at all. */
    public void write(Workspace workspace) throws ReportException {
        Path folder = folder(workspace);
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("contact", contact);
        p.setProperty("domain", domain);
        p.setProperty("retest.days", Integer.toString(retestDays));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ReportException("Cannot save the abuse desk's settings in " + folder + ": " + e.getMessage(), e);
        }
        SafeOutput.write(folder.resolve(FILE), true, "the abuse desk's settings", partial -> {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                p.store(out, "The abuse desk, as Proxyscope's letters and complaints name it");
            }
        });
    }
}
