package org.proxyscope.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The workbench's way to the installer: each call runs a plug-in command ({@code plugins}, {@code install},
 * {@code uninstall}, {@code updates}) in the installer process of this installation and reads its JSON, so the
 * workbench itself never loads p2. Calls block; run them in a Job.
 */
public final class InstallerClient {

    /** What the installation holds and remembers. */
    public record Installed(List<Feature> features, List<URI> repositories) {
    }

    /** Where progress goes: a percentage and what p2 does, as it reports them. */
    public interface Progress {
        void report(int percent, String task);
    }

    private final Installation installation;
    private volatile Process running;
    private volatile boolean cancelled;

    public InstallerClient(Installation installation) {
        this.installation = installation;
    }

    public Installed installed() throws PluginException {
        JsonObject o = json(run("plugins", List.of("--json"), null)).getAsJsonObject();
        List<URI> sites = new ArrayList<>();
        o.getAsJsonArray("repositories").forEach(e -> sites.add(URI.create(e.getAsString())));
        return new Installed(features(o.getAsJsonArray("features")), sites);
    }

    /** What the update site offers; the installation remembers it from now on. */
    public List<Feature> offered(String site) throws PluginException {
        return features(json(run("plugins", List.of("--repository", site, "--json"), null)).getAsJsonObject().getAsJsonArray("features"));
    }

    /** Forgets a remembered update site. */
    public void forget(URI site) throws PluginException {
        run("plugins", List.of("--forget", site.toString(), "--json"), null);
    }

    /**
     * Installs a feature from a site.
     *
     * @param trustUnsigned whether the analyst said yes to content nobody signed
     * @throws UnsignedContentException when such content came and {@code trustUnsigned} was false
     */
    public Feature install(String site, String feature, boolean trustUnsigned, Progress progress) throws PluginException {
        List<String> args = new ArrayList<>(List.of("--repository", site, "--feature", feature, "--progress", "--json"));
        if (trustUnsigned) {
            args.add("--trust-unsigned");
        }
        return feature(json(run("install", args, progress)).getAsJsonObject());
    }

    /** What installing {@code feature} would add: the feature, its plug-ins and what they need, as "id version". */
    public List<String> plan(String site, String feature) throws PluginException {
        List<String> adds = new ArrayList<>();
        json(run("install", List.of("--repository", site, "--feature", feature, "--dry-run", "--json"), null)).getAsJsonArray()
                .forEach(e -> adds.add(e.getAsString()));
        return adds;
    }

    public void uninstall(String feature, Progress progress) throws PluginException {
        run("uninstall", List.of("--feature", feature, "--progress"), progress);
    }

    /** A newer version of an installed feature, and the update site that offers it. */
    public record Update(Feature feature, String site) {
    }

    /** Newer versions of installed features on the remembered sites; {@link Feature#installed()} names the old one. */
    public List<Update> updates() throws PluginException {
        List<Update> updates = new ArrayList<>();
        json(run("updates", List.of("--json"), null)).getAsJsonArray()
                .forEach(e -> updates.add(new Update(feature(e.getAsJsonObject()), text(e.getAsJsonObject(), "repository"))));
        return updates;
    }

    /** Ends the running call; p2 rolls back what it began, and the call fails as cancelled. */
    public void cancel() {
        cancelled = true;
        Process p = running;
        if (p != null) {
            // the launcher waits for Java: the signal goes to Java itself, whose shutdown hook cancels p2 and waits while
            // it rolls back; the launcher ends after it, and only then is the call over
            List<ProcessHandle> java = p.descendants().toList();
            if (java.isEmpty()) {
                p.destroy();
            }
            java.forEach(ProcessHandle::destroy);
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Runs a command in the installer; its output, or the reason it failed. */
    private String run(String command, List<String> args, Progress progress) throws PluginException {
        cancelled = false;
        Process p = installation.startInstaller(command, args, false);
        running = p;
        try {
            p.getOutputStream().close();
            List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            // progress comes as it happens, on the error stream, as does the one line that says why a call failed
            Thread stderr = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String[] parts = line.split(" ", 3);
                        if (parts.length == 3 && parts[0].equals("progress") && parts[1].matches("\\d{1,3}")) {
                            if (progress != null) {
                                progress.report(Integer.parseInt(parts[1]), parts[2]);
                            }
                        } else if (!line.isBlank()) {
                            errors.add(line);
                        }
                    }
                } catch (IOException e) {
                    errors.add("the installer's messages could not be read: " + e.getMessage());
                }
            });
            // the output is read beside the wait: a process the installer leaves behind may hold the pipe open, and
            // the call is over when the installer has ended
            java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            }, r -> Thread.ofVirtual().start(r));
            int status = p.waitFor();
            String out;
            try {
                out = stdout.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                out = "";
            }
            stderr.join(TimeUnit.SECONDS.toMillis(10));
            if (status != 0) {
                String message = errors.isEmpty() ? "the installer ended with status " + status
                        : errors.get(errors.size() - 1).replaceFirst("^proxyscope [a-z]+: ", "");
                if (cancelled) {
                    throw new PluginException("Cancelled: the installation is as it was");
                }
                if (message.startsWith("Not installed: nobody signed")) {
                    throw new UnsignedContentException(message);
                }
                throw new PluginException(message);
            }
            return out;
        } catch (IOException e) {
            throw new PluginException("Cannot read the installer's answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new PluginException("Interrupted: the installation is as it was", e);
        } finally {
            running = null;
        }
    }

    private static JsonElement json(String out) throws PluginException {
        try {
            return JsonParser.parseString(out);
        } catch (JsonParseException e) {
            throw new PluginException("The installer's answer is not what was expected: " + e.getMessage(), e);
        }
    }

    private static List<Feature> features(JsonArray array) {
        List<Feature> features = new ArrayList<>();
        array.forEach(e -> features.add(feature(e.getAsJsonObject())));
        return features;
    }

    private static Feature feature(JsonObject o) {
        return new Feature(text(o, "id"), text(o, "version"), text(o, "name"), text(o, "provider"), text(o, "description"),
                text(o, "licence"), text(o, "origin"), text(o, "category"),
                o.has("installed") ? Optional.of(o.get("installed").getAsString()) : Optional.empty());
    }

    private static String text(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : "";
    }
}
