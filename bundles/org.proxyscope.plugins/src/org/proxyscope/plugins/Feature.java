package org.proxyscope.plugins;

import java.util.Optional;

/**
 * A feature, the unit plug-ins are installed and removed in: as the installation holds it, or as a repository
 * offers it.
 *
 * @param id          e.g. {@code org.proxyscope.dnsbl.feature}
 * @param version     e.g. {@code 0.1.0.202612041253}
 * @param name        as people know it, e.g. "Proxyscope DNSBL Check"
 * @param provider    who made it
 * @param description what it does, in a sentence or a paragraph
 * @param licence     its licence text; empty when it names none
 * @param origin      {@code product} (came with the product), {@code added} (installed from an update site) or
 *                    {@code available} (offered by a repository)
 * @param category    the repository's category it is listed in; empty for installed features
 * @param installed   for an offered feature, the version the installation has, if any
 */
public record Feature(String id, String version, String name, String provider, String description, String licence,
        String origin, String category, Optional<String> installed) {

    public static final String PRODUCT = "product";
    public static final String ADDED = "added";
    public static final String AVAILABLE = "available";
}
