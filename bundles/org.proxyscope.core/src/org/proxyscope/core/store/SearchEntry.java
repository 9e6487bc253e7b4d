package org.proxyscope.core.store;

/** One record as the workspace-wide search holds it: which one within its case and kind, its title and text. */
public record SearchEntry(String ref, String title, String body) {
}
