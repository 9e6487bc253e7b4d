package org.proxyscope.report.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

/** The files written beside the report when the analyst asks for them: the customer notice and the complaints. */
record Companions(Optional<Path> notice, Optional<Path> arf, Optional<Path> xarf) {

    static final Companions NONE = new Companions(Optional.empty(), Optional.empty(), Optional.empty());
}
