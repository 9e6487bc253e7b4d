package org.proxyscope.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What to export: the PDF's path, whether an existing file there may be replaced, the sections the analyst
 * left out, and the key to sign it with, if any.
 */
public record ExportRequest(Path out, boolean overwrite, Set<String> omitted, Optional<SigningKey> signing) {

    public ExportRequest {
        omitted = Set.copyOf(omitted);
    }

    /** An unsigned report of every section to {@code out}, never replacing a file. */
    public static ExportRequest to(Path out) {
        return new ExportRequest(out, false, Set.of(), Optional.empty());
    }

    public ExportRequest overwriting(boolean replace) {
        return new ExportRequest(out, replace, omitted, signing);
    }

    public ExportRequest omitting(Set<String> sections) {
        return new ExportRequest(out, overwrite, sections, signing);
    }

    public ExportRequest signedWith(SigningKey key) {
        return new ExportRequest(out, overwrite, omitted, Optional.of(key));
    }
}
