package org.proxyscope.core.tests;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Another process running a workspace, as a second analyst's or the command line's would: the JVM of the tests,
 * with the core, its database drivers and this bundle's classes on its class path.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** A process builder for {@code main} with {@code args}; its errors go to the test's. */
    static ProcessBuilder of(Class<?> main, String... args) throws URISyntaxException {
        List<String> classPath = new ArrayList<>();
        for (Class<?> type : List.of(org.proxyscope.core.Workspace.class, org.sqlite.JDBC.class, org.postgresql.Driver.class, main)) {
            classPath.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                String.join(java.io.File.pathSeparator, classPath), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
