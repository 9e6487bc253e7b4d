package org.proxyscope.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the service on a port from what it sent back: greetings, Server and proxy headers, error pages.
 * The signatures are data, {@code service-signatures.txt} beside this class, so a service can be added
 * without code; the first that matches wins.
 */
public final class ServiceSignatures {

    private record Signature(String kind, String product, Pattern pattern) {
    }

    private static final class Loaded {
        static final List<Signature> SIGNATURES = load();
    }

    private ServiceSignatures() {
    }

    /** The service {@code reply} names, if any signature matches it. */
    public static Optional<PortService> identify(String reply) {
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        for (Signature s : Loaded.SIGNATURES) {
            Matcher m = s.pattern().matcher(reply);
            if (m.find()) {
                String version = s.pattern().pattern().contains("(?<v>") && m.group("v") != null ? m.group("v") : "";
                return Optional.of(new PortService(s.kind(), s.product(), version));
            }
        }
        return Optional.empty();
    }

    /**
     * The best name among several replies of one port: the one whose signature comes first in the file (the
     * most specific), so Squid's 403 to a GET outranks the bare HTTP reply of another probe.
     */
    public static Optional<PortService> best(List<String> replies) {
        Optional<PortService> best = Optional.empty();
        int bestRank = Integer.MAX_VALUE;
        for (String reply : replies) {
            Optional<PortService> found = identify(reply);
            if (found.isPresent()) {
                int rank = rank(found.get());
                if (rank < bestRank) {
                    bestRank = rank;
                    best = found;
                }
            }
        }
        return best;
    }

    private static int rank(PortService service) {
        for (int i = 0; i < Loaded.SIGNATURES.size(); i++) {
            Signature s = Loaded.SIGNATURES.get(i);
            if (s.kind().equals(service.kind()) && s.product().equals(service.product())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<Signature> load() {
        try (InputStream in = ServiceSignatures.class.getResourceAsStream("service-signatures.txt")) {
            if (in == null) {
                throw new IOException("not in the probe plug-in");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Signature> signatures = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" \\| ", 3);
                try {
                    if (fields.length != 3) {
                        throw new IllegalArgumentException("not kind | name | pattern");
                    }
                    String product = fields[1].strip();
                    PortService.ofKind(fields[0].strip()); // checks the kind
                    signatures.add(new Signature(fields[0].strip(), product.equals("-") ? "" : product,
                            Pattern.compile(fields[2].strip(), Pattern.CASE_INSENSITIVE | Pattern.MULTILINE)));
                } catch (IllegalArgumentException e) { // PatternSyntaxException among them
                    throw new IllegalStateException("service-signatures.txt line " + number + ": " + e.getMessage(), e);
                }
            }
            return List.copyOf(signatures);
        } catch (IOException e) {
            throw new UncheckedIOException("service-signatures.txt cannot be read", e);
        }
    }
}
