package org.proxyscope.dnsbl;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.model.Host;

/**
 * Which blocklists a workspace checks, through which resolver and how long it waits for each. Kept in the
 * workspace ({@code .proxyscope/dnsbl/dnsbl.properties}) so that every analyst of a desk asks the same lists;
 * edited in Preferences > DNS Blocklists.
 *
 * @param lists    the lists to ask, in this order
 * @param resolver the DNS resolver to ask; empty for the system's ({@code /etc/resolv.conf}). Some lists answer
 *                 no query that comes through a public resolver, so a desk often names its own.
 * @param timeout  how long to wait for each list's answer; the lists are asked at once
 */
public record DnsblSettings(List<DnsblList> lists, Optional<InetSocketAddress> resolver, Duration timeout) {

    private static final String FILE = "dnsbl.properties";

    /** The default: the well-known lists, the system's resolver, two seconds. */
    public static final DnsblSettings DEFAULT = new DnsblSettings(DnsblList.defaults(), Optional.empty(), Duration.ofSeconds(2));

    public DnsblSettings {
        lists = List.copyOf(lists);
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("No blocklist to check: name at least one zone");
        }
        if (timeout.toMillis() < 100 || timeout.toSeconds() > 60) {
            throw new IllegalArgumentException("The timeout must be 100 ms to 60 s, not " + timeout.toMillis() + " ms");
        }
    }

    /** The lists of zones written one after the other, separated by commas, spaces or lines. */
    public static List<DnsblList> lists(String zones) {
        List<DnsblList> lists = new ArrayList<>();
        for (String zone : zones.split("[,\\s]+")) {
            if (!zone.isBlank()) {
                DnsblList list = DnsblList.of(zone);
                if (!lists.contains(list)) {
                    lists.add(list);
                }
            }
        }
        return lists;
    }

    /**
     * A resolver as {@code ADDRESS[:PORT]} ({@code 127.0.0.1:5353}, {@code [::1]:53}); port 53 when none is given.
     * An address, not a name: the resolver is what finds names.
     */
    public static InetSocketAddress resolver(String text) {
        String s = text.strip();
        int port = 53;
        String host = s;
        int colon = s.lastIndexOf(':');
        if (s.startsWith("[") ? colon > s.indexOf(']') : colon > 0 && s.indexOf(':') == colon) {
            host = s.substring(0, colon);
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("\"" + s + "\": the resolver's port must be 1 to 65535");
            }
        }
        Host parsed;
        try {
            parsed = Host.parse(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a resolver's address such as 192.0.2.53 or [2001:db8::53]:53");
        }
        if (!parsed.isAddress()) {
            throw new IllegalArgumentException("\"" + s + "\" is a name; give the resolver's address, such as 192.0.2.53");
        }
        return new InetSocketAddress(parsed.name(), port);
    }

    /** The resolver in the form {@link #resolver(String)} reads. */
    public static String format(InetSocketAddress resolver) {
        return Host.parse(resolver.getAddress().getHostAddress()).withPortSyntax() + ":" + resolver.getPort();
    }

    public DnsblSettings withLists(List<DnsblList> chosen) {
        return new DnsblSettings(chosen, resolver, timeout);
    }

    public DnsblSettings withResolver(Optional<InetSocketAddress> chosen) {
        return new DnsblSettings(lists, chosen, timeout);
    }

    public DnsblSettings withTimeout(Duration chosen) {
        return new DnsblSettings(lists, resolver, chosen);
    }

    /** The folder of the DNSBL plug-in's files in the workspace at {@code workspace}. */
    public static Path folder(Path workspace) {
        return workspace.resolve(WorkspaceFolder.METADATA).resolve("dnsbl");
    }

    /** The workspace's settings, or {@link #DEFAULT} when it has none. */
    public static DnsblSettings read(Path workspace) throws DnsblException {
        Path file = folder(workspace).resolve(FILE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return DEFAULT;
        } catch (IOException e) {
            throw new DnsblException("Cannot read the DNSBL settings " + file + ": " + e.getMessage(), e);
        }
        String timeout = p.getProperty("timeout.ms", "2000").strip();
        try {
            String resolver = p.getProperty("resolver", "").strip();
            return new DnsblSettings(lists(p.getProperty("lists", "")),
                    resolver.isEmpty() ? Optional.empty() : Optional.of(resolver(resolver)), Duration.ofMillis(Long.parseLong(timeout)));
        } catch (NumberFormatException e) {
            throw new DnsblException(file + ": timeout.ms must be a number of milliseconds, not \"" + timeout + "\"", e);
        } catch (IllegalArgumentException e) {
            throw new DnsblException(file + ": " + e.getMessage(), e);
        }
    }

    /** Saves the settings into the workspace, whole or not at all. */
    public void write(Path workspace) throws DnsblException {
        Path folder = folder(workspace);
        Properties p = new Properties();
        p.setProperty("lists", String.join(", ", lists.stream().map(DnsblList::zone).toList()));
        p.setProperty("resolver", resolver.map(DnsblSettings::format).orElse(""));
        p.setProperty("timeout.ms", Long.toString(timeout.toMillis()));
        Path partial = folder.resolve(FILE + ".partial");
        try {
            Files.createDirectories(folder);
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                p.store(out, "The DNS blocklists this workspace checks (Proxyscope's DNSBL plug-in)");
            }
            try {
                Files.move(partial, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below says what failed; a leftover partial file is overwritten next time
            }
            throw new DnsblException("Cannot save the DNSBL settings in " + folder + ": " + e.getMessage(), e);
        }
    }
}
