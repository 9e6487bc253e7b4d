package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.internal.ArchiveTraining;
import org.proxyscope.cli.internal.CommandLine;

/**
 * The launcher keeps a start-up archive only when training succeeds, so a training command that no longer
 * matches its command's arguments must show up here, not as a silently missing archive.
 */
class ArchiveTrainingTest {

    @TempDir
    Path tmp;

    @Test
    void everyTrainingCommandSucceedsOnARealWorkspace() throws IOException {
        List<String> failed = ArchiveTraining.run(CommandLine.withBuiltInCommands(), tmp);

        assertEquals(List.of(), failed);
        try (Stream<Path> files = Files.walk(tmp.resolve("workspace"))) {
            assertTrue(files.filter(Files::isRegularFile).anyMatch(ArchiveTrainingTest::isTrainingNote),
                    "the training case holds its evidence");
        }
    }

    private static boolean isTrainingNote(Path file) {
        try {
            return Files.size(file) == 9 && Files.readString(file).equals("training\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aFailingCommandIsReportedWithItsExitStatus() throws IOException {
        List<String> seen = new ArrayList<>();
        Command broken = new Command() {
            @Override
            public String name() {
                return "case";
            }

            @Override
            public String summary() {
                return "always fails";
            }

            @Override
            public String usage() {
                return "";
            }

            @Override
            public int run(List<String> args, CommandContext context) {
                seen.add(String.join(" ", args));
                return ExitCode.FAILURE;
            }
        };

        List<String> failed = ArchiveTraining.run(new CommandLine(List.of(broken)), tmp);

        assertTrue(seen.stream().anyMatch(a -> a.startsWith("new --title Training")), seen.toString());
        assertTrue(failed.stream().anyMatch(line -> line.startsWith("case new ") && line.endsWith("(exit 1)")), failed.toString());
    }
}
