package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.internal.CommandLine;
import org.proxyscope.core.ProxyscopeVersion;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandContext io = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    /** A command that echoes, refuses a bad argument as a usage error, and fails on request. */
    private static final Command ECHO = new Command() {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String summary() {
            return "print the arguments";
        }

        @Override
        public String usage() {
            return "WORD...";
        }

        @Override
        public int run(List<String> args, CommandContext context) throws UsageException {
            if (args.contains("--bad")) {
                throw new UsageException("--bad is not an option of echo");
            }
            if (args.contains("fail")) {
                throw new IllegalStateException("asked to fail");
            }
            context.out().println(String.join(" ", args));
            return ExitCode.OK;
        }
    };

    private int run(String... args) {
        return new CommandLine(List.of(ECHO)).run(args, io);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsReleaseAndBuildAndExitsZero() {
        assertEquals(ExitCode.OK, run("--version"));
        assertEquals(ProxyscopeVersion.current() + System.lineSeparator(), out());
        assertTrue(out().startsWith("Proxyscope 0.1.0 (build "), out());
        assertEquals("", err());
    }

    @Test
    void helpListsOptionsCommandsAndExitCodes() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out().contains("--version"), out());
        assertTrue(out().contains("echo         print the arguments"), out());
        assertTrue(out().contains("2 wrong command line"), out());
    }

    @Test
    void helpForOneCommandShowsItsUsage() {
        assertEquals(ExitCode.OK, run("help", "echo"));
        assertTrue(out().startsWith("Usage: proxyscope echo WORD..."), out());
    }

    /** As most command lines take it: the command's own --help, also typed at the end of a line that went wrong. */
    @Test
    void aCommandsHelpOptionShowsItsUsage() {
        for (String[] args : List.of(new String[] {"echo", "--help"}, new String[] {"echo", "-h"}, new String[] {"echo", "a", "--bad", "--help"})) {
            out.reset();
            assertEquals(ExitCode.OK, run(args), String.join(" ", args));
            assertTrue(out().startsWith("Usage: proxyscope echo WORD..."), out());
        }
        assertEquals("", err());
        out.reset();
        assertEquals(ExitCode.OK, run("echo", "a", "-h"));
        assertEquals("a -h" + System.lineSeparator(), out(), "-h after other arguments is an argument");
    }

    @Test
    void unknownCommandIsAOneLineUsageError() {
        assertEquals(ExitCode.USAGE, run("frobnicate"));
        assertEquals("proxyscope: unknown command 'frobnicate' (see 'proxyscope --help')" + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    void unknownOptionAndNoCommandAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run("--frob"));
        assertEquals(ExitCode.USAGE, run());
        assertEquals(2, err().lines().count(), err());
    }

    @Test
    void commandRunsWithItsArguments() {
        assertEquals(ExitCode.OK, run("echo", "a", "b"));
        assertEquals("a b" + System.lineSeparator(), out());
    }

    @Test
    void wrongArgumentsOfACommandExitTwoAndPointToItsHelp() {
        assertEquals(ExitCode.USAGE, run("echo", "--bad"));
        assertEquals("proxyscope echo: --bad is not an option of echo (see 'proxyscope help echo')"
                + System.lineSeparator(), err());
    }

    @Test
    void aFailingCommandExitsOneAndSaysWhy() {
        assertEquals(ExitCode.FAILURE, run("echo", "fail"));
        assertTrue(err().contains("asked to fail"), err());
    }

    @Test
    void twoCommandsOfOneNameAreRefused() {
        assertThrows(IllegalStateException.class, () -> new CommandLine(List.of(ECHO, ECHO)));
    }
}
