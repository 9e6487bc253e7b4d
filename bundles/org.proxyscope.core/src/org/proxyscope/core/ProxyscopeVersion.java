package org.proxyscope.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The version and build of this Proxyscope, as shown by Help &gt; About and {@code proxyscope --version}.
 * <p>
 * Both come from the core bundle's {@code Bundle-Version}, whose qualifier the build stamps with the
 * build time, so the figure the analyst quotes in a case report is the one the build really produced.
 *
 * @param version release version, e.g. {@code 0.1.0}
 * @param build   build qualifier, e.g. {@code 202611282115}, or {@code dev} when run from unbuilt sources
 */
public record ProxyscopeVersion(String version, String build) {

    private static final String SYMBOLIC_NAME = "org.proxyscope.core";

    /** Reads the running core bundle's version, inside OSGi and on a plain class path alike. */
    public static ProxyscopeVersion current() {
        try {
            // Every jar on a plain class path has a manifest; only ours names this symbolic name.
            Enumeration<URL> manifests = ProxyscopeVersion.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String name = main.getValue("Bundle-SymbolicName");
                    if (name != null && name.split(";")[0].trim().equals(SYMBOLIC_NAME)) {
                        return parse(main.getValue("Bundle-Version"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest of " + SYMBOLIC_NAME, e);
        }
        throw new IllegalStateException("The manifest of " + SYMBOLIC_NAME + " is not on the class path");
    }

    /** Splits an OSGi version {@code major.minor.micro[.qualifier]} into release version and build. */
    public static ProxyscopeVersion parse(String bundleVersion) {
        if (bundleVersion == null || bundleVersion.isBlank()) {
            throw new IllegalArgumentException("No Bundle-Version");
        }
        String[] parts = bundleVersion.trim().split("\\.", 4);
        if (parts.length < 3) {
            throw new IllegalArgumentException("Not an OSGi version: " + bundleVersion);
        }
        String version = parts[0] + "." + parts[1] + "." + parts[2];
        String build = parts.length == 4 && !parts[3].equals("qualifier") ? parts[3] : "dev";
        return new ProxyscopeVersion(version, build);
    }

    /** The one-line form printed by {@code proxyscope --version}. */
    @Override
    public String toString() {
        return "Proxyscope " + version + " (build " + build + ")";
    }
}
