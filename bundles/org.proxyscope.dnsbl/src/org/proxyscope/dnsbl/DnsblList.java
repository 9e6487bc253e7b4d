package org.proxyscope.dnsbl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DNS blocklist: its zone, the name people know it by, and what its return codes mean. The lists Proxyscope
 * knows come from {@code known-lists.txt} beside this class, so a list can be added without code; a zone it does
 * not know is still asked, and its answers are shown as they came.
 *
 * @param zone     the list's DNS zone, e.g. {@code zen.spamhaus.org}
 * @param name     as analysts know it, e.g. "Spamhaus ZEN"
 * @param meanings what an answer 127.0.0.N or 127.255.255.N means, by its last octet
 * @param byDefault whether the list is checked when the workspace has not chosen its own
 */
public record DnsblList(String zone, String name, Map<Integer, String> meanings, boolean byDefault) {

    private static final Pattern ZONE = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final List<DnsblList> KNOWN = read();

    public DnsblList {
        meanings = Map.copyOf(meanings);
    }

    /** Every list Proxyscope knows, in the data file's order. */
    public static List<DnsblList> known() {
        return KNOWN;
    }

    /** The lists checked when a workspace has not chosen its own. */
    public static List<DnsblList> defaults() {
        return KNOWN.stream().filter(DnsblList::byDefault).toList();
    }

    /**
     * The list of the zone {@code text}: a known one with its meanings, or an unknown one named by its zone.
     *
     * @throws IllegalArgumentException when {@code text} is not a DNS zone
     */
    public static DnsblList of(String text) {
        String zone = text.strip().toLowerCase(Locale.ROOT);
        if (zone.endsWith(".")) {
            zone = zone.substring(0, zone.length() - 1);
        }
        if (zone.length() > 200 || !ZONE.matcher(zone).matches()) {
            throw new IllegalArgumentException("\"" + text.strip() + "\" is not a DNS zone such as zen.spamhaus.org");
        }
        String z = zone;
        return KNOWN.stream().filter(l -> l.zone.equals(z)).findFirst().orElse(new DnsblList(zone, zone, Map.of(), false));
    }

    /** What the answer with this last octet means, when the list says. */
    public Optional<String> meaning(int lastOctet) {
        return Optional.ofNullable(meanings.get(lastOctet));
    }

    private static List<DnsblList> read() {
        List<DnsblList> lists = new ArrayList<>();
        try (InputStream in = DnsblList.class.getResourceAsStream("known-lists.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|", 4);
                Map<Integer, String> meanings = new LinkedHashMap<>();
                for (String code : fields[3].split(";")) {
                    int eq = code.indexOf('=');
                    meanings.put(Integer.parseInt(code.substring(0, eq).strip()), code.substring(eq + 1).strip());
                }
                lists.add(new DnsblList(fields[0].strip(), fields[1].strip(), meanings, fields[2].strip().equals("yes")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("known-lists.txt cannot be read from the DNSBL plug-in", e);
        }
        return List.copyOf(lists);
    }
}
