package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The captures releng/services/captures.sh recorded with tcpdump from real traffic through the real proxies,
 * and the ports that traffic used.
 */
final class Recorded {

    private Recorded() {
    }

    static Path folder() {
        String dir = System.getenv("PROXYSCOPE_TEST_CAPTURES");
        assumeTrue(dir != null, "no recorded captures (releng/services/captures.sh, run by releng/test.sh)");
        return Path.of(dir);
    }

    static Path file(String name) {
        return folder().resolve(name);
    }

    static int port(String name) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(folder().resolve("traffic.env"))) {
            p.load(in);
        }
        return Integer.parseInt(p.getProperty(name));
    }

    /** The port of a PROXYSCOPE_TEST_* address. */
    static int envPort(String variable) {
        String address = System.getenv(variable);
        assumeTrue(address != null, variable + " is not set (releng/services/proxies.sh)");
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Runs a command and returns its standard output lines. */
    static List<String> run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return lines;
    }

    /** tshark's count of TCP and UDP conversations in {@code file}. */
    static Map<String, Long> tsharkConversations(Path file) throws IOException, InterruptedException {
        long tcp = run("tshark", "-r", file.toString(), "-q", "-z", "conv,tcp").stream().filter(l -> l.contains("<->")).count();
        long udp = run("tshark", "-r", file.toString(), "-q", "-z", "conv,udp").stream().filter(l -> l.contains("<->")).count();
        return Map.of("tcp", tcp, "udp", udp);
    }

    static long tsharkPackets(Path file) throws IOException, InterruptedException {
        return run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number").size();
    }
}
