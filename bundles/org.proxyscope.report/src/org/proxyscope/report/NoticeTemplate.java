package org.proxyscope.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.Workspace;
import org.proxyscope.report.internal.SafeOutput;

/**
 * The customer notice's text, kept in the workspace ({@code .proxyscope/report/customer-notice.txt}) and
 * edited in Preferences > Reporting. Plain text: a blank line ends a paragraph, a line starting with "- " is
 * a list item, and {@code {{name}}} is replaced by the case's value (see {@link #FIELDS}).
 */
public final class NoticeTemplate {

    /** The fields a template may use, with what each becomes. */
    public static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("isp", "the ISP's name (Preferences > Reporting)"),
            Map.entry("contact", "the abuse desk's mail address"),
            Map.entry("customer", "the case's customer reference"),
            Map.entry("target", "the customer's address, the case's target"),
            Map.entry("case", "the case id"),
            Map.entry("found", "the services found relaying, in plain words, e.g. \"a SOCKS proxy on port 1080\""),
            Map.entry("since", "when relaying was first seen (UTC)"),
            Map.entry("deadline", "the re-test date: today plus the re-test days"),
            Map.entry("steps", "the remediation steps, one list item each"),
            Map.entry("analyst", "who sends the notice"),
            Map.entry("date", "today's date (UTC)"));

    /** The template a new workspace starts with. */
    public static final String DEFAULT = """
            Notice about your Internet line {{target}} (our reference {{case}})

            Dear customer {{customer}},

            our abuse desk found that a computer on your Internet line {{target}} works as an open proxy: {{found}}. \
            Anyone on the Internet can send mail and other traffic through it, and it appears to come from you. \
            Spammers use such proxies, and our mail servers are put on blocklists because of them. \
            We saw it relaying since {{since}}.

            Such proxies are almost always installed by a trojan, without the owner's knowledge. Please do the following:

            {{steps}}

            Please tell us by {{deadline}} when you have done this, so that we can test your line again. \
            Until the re-test finds nothing open, your line may stay restricted.

            If you have questions, write to {{contact}} and quote {{case}}.

            Kind regards,
            {{analyst}}
            {{isp}} abuse desk
            """;

    private static final String FILE = "customer-notice.txt";
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");

    private NoticeTemplate() {
    }

    /** The workspace's template, or {@link #DEFAULT} when it has none. */
    public static String read(Workspace workspace) throws ReportException {
        Path file = DeskSettings.folder(workspace).resolve(FILE);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return DEFAULT;
        } catch (IOException e) {
            throw new ReportException("Cannot read the customer notice's template " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves the template into the workspace, whole or not at all; refuses a field it does not know. */
    public static void write(Workspace workspace, String template) throws ReportException {
        check(template);
        Path folder = DeskSettings.folder(workspace);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ReportException("Cannot save the customer notice's template in " + folder + ": " + e.getMessage(), e);
        }
        SafeOutput.write(folder.resolve(FILE), true, "the customer notice's template",
                partial -> Files.writeString(partial, template, StandardCharsets.UTF_8));
    }

    /** @throws ReportException naming the first {@code {{field}}} the template uses that does not exist */
    public static void check(String template) throws ReportException {
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (!FIELDS.containsKey(m.group(1))) {
                throw new ReportException("The notice template uses {{" + m.group(1) + "}}, which is not a field; the fields are "
                        + String.join(", ", FIELDS.keySet().stream().sorted().toList()));
            }
        }
    }

    /**
     * The template with every field replaced by its value. An empty value takes the space before it along, so that
     * "Dear customer {{customer}}," of a case without a customer reference reads "Dear customer,".
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), m.group());
            m.appendReplacement(out, "");
            if (value.isEmpty() && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            out.append(value);
        }
        m.appendTail(out);
        return out.toString();
    }
}
