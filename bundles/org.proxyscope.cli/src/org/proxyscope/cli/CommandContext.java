package org.proxyscope.cli;

import java.io.PrintStream;

/** Where a command writes: results to {@code out}, diagnostics to {@code err}. */
public record CommandContext(PrintStream out, PrintStream err) {
}
