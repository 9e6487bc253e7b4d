package org.proxyscope.notes.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.NoteException;
import org.proxyscope.notes.NoteLinks;
import org.proxyscope.notes.NoteVersion;
import org.proxyscope.notes.Notes;

/** {@code proxyscope note add|list|show|edit|history|diff|restore|tag|report|order|delete}: the analyst's notes on a case. */
public final class NoteCommand implements Command {

    @Override
    public String name() {
        return "note";
    }

    @Override
    public String summary() {
        return "write, read and version the notes of a case";
    }

    @Override
    public String usage() {
        return """
                add ID (--text T | --file F) [--title X] [--tag X]... [--for-report]
                       note list ID [--json]
                       note show ID NOTE [--version N] [--json]
                       note edit ID NOTE (--text T | --file F) [--title X]
                       note history ID NOTE [--json]
                       note diff ID NOTE --from N [--to N]
                       note restore ID NOTE --version N
                       note tag ID NOTE [--tag X]...
                       note report ID NOTE (--on | --off)
                       note order ID NOTE...
                       note delete ID NOTE --reason WHY
                       every form takes %s
                  Notes are Markdown; [[evidence:3]], [[note:2]], [[finding:1/4]] and [[session:2/812]] link to what the
                  case holds. Every save is a version; every change goes to the case's custody log. diff compares two
                  versions (--to defaults to the latest); tag replaces the note's tags; order puts the notes marked for
                  the report in the order given, the others after them.""".formatted(WorkspaceArguments.USAGE);
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        if (raw.isEmpty()) {
            throw new UsageException("say what to do: " + VERBS);
        }
        String verb = raw.get(0);
        Arguments args = Arguments.parse(raw.subList(1, raw.size()), WorkspaceArguments.with(Set.of("--text", "--file", "--title",
                "--tag", "--version", "--reason", "--from", "--to")), Set.of("--for-report", "--json", "--on", "--off"));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Notes notes = Notes.of(ws);
            switch (verb) {
                case "add" -> {
                    CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
                    Note note = notes.add(id, args.option("--title").orElse(""), text(args), args.all("--tag"), args.flag("--for-report"));
                    io.out().println(note.number());
                    warnOfLinksToNothing(ws, id, note, io);
                }
                case "list" -> {
                    CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
                    List<Note> all = notes.list(id);
                    if (args.flag("--json")) {
                        JsonArray array = new JsonArray();
                        all.forEach(n -> array.add(json(n, false)));
                        io.out().println(JsonText.pretty(array));
                    } else {
                        for (Note n : all) {
                            io.out().printf("%4d  v%-3d %s  %s%s%s%n", n.number(), n.version(), n.updated(), n.title(),
                                    n.tags().isEmpty() ? "" : "  [" + String.join(", ", n.tags()) + "]", n.forReport() ? "  (report)" : "");
                        }
                    }
                }
                case "show" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    CaseId id = WorkspaceArguments.caseId(words.get(0));
                    int number = number(words.get(1), "NOTE");
                    if (args.option("--version").isPresent()) {
                        NoteVersion v = notes.version(id, number, number(args.option("--version").get(), "--version"));
                        io.out().print(v.text().endsWith("\n") ? v.text() : v.text() + "\n");
                    } else {
                        Optional<Note> found = notes.find(id, number);
                        if (found.isEmpty()) {
                            // not a usage error: the command was right, the note is not there (exit 1, as for a case)
                            throw notes.history(id, number).isEmpty() ? new NoteException(id + " has no note " + number)
                                    : new NoteException("Note " + number + " of " + id + " was deleted; its versions stay readable:"
                                            + " proxyscope note history " + id + " " + number);
                        }
                        Note n = found.get();
                        if (args.flag("--json")) {
                            io.out().println(JsonText.pretty(json(n, true)));
                        } else {
                            io.out().print(n.text().endsWith("\n") ? n.text() : n.text() + "\n");
                        }
                    }
                }
                case "edit" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    CaseId id = WorkspaceArguments.caseId(words.get(0));
                    Note n = notes.edit(id, number(words.get(1), "NOTE"), args.option("--title"), text(args));
                    io.out().println("note " + n.number() + " is at version " + n.version());
                    warnOfLinksToNothing(ws, id, n, io);
                }
                case "history" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    List<NoteVersion> versions = notes.history(WorkspaceArguments.caseId(words.get(0)), number(words.get(1), "NOTE"));
                    if (args.flag("--json")) {
                        JsonArray array = new JsonArray();
                        for (NoteVersion v : versions) {
                            JsonObject o = new JsonObject();
                            o.addProperty("version", v.version());
                            o.addProperty("title", v.title());
                            o.addProperty("saved", v.saved().toString());
                            o.addProperty("author", v.author());
                            o.addProperty("action", v.action());
                            o.addProperty("characters", v.text().length());
                            array.add(o);
                        }
                        io.out().println(JsonText.pretty(array));
                    } else {
                        for (NoteVersion v : versions) {
                            io.out().printf("v%-3d %s  %-12s %s (%d characters)%n", v.version(), v.saved(), v.author(), v.action(),
                                    v.text().length());
                        }
                    }
                }
                case "diff" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    CaseId id = WorkspaceArguments.caseId(words.get(0));
                    int number = number(words.get(1), "NOTE");
                    int to = args.option("--to").isPresent() ? number(args.option("--to").get(), "--to")
                            : notes.history(id, number).getLast().version();
                    io.out().print(notes.diff(id, number, number(args.required("--from"), "--from"), to).text());
                }
                case "tag" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    Note n = notes.tag(WorkspaceArguments.caseId(words.get(0)), number(words.get(1), "NOTE"), args.all("--tag"));
                    io.out().println("note " + n.number() + " tagged " + (n.tags().isEmpty() ? "with nothing" : String.join(", ", n.tags())));
                }
                case "order" -> {
                    List<String> words = args.positionalAtLeast("ID", "NOTE");
                    List<Integer> first = new java.util.ArrayList<>();
                    for (String w : words.subList(1, words.size())) {
                        first.add(number(w, "NOTE"));
                    }
                    for (Note n : notes.orderForReport(WorkspaceArguments.caseId(words.get(0)), first)) {
                        io.out().printf("%4d  %s%n", n.number(), n.title());
                    }
                }
                case "restore" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    Note n = notes.restore(WorkspaceArguments.caseId(words.get(0)), number(words.get(1), "NOTE"),
                            number(args.required("--version"), "--version"));
                    io.out().println("note " + n.number() + " is at version " + n.version());
                }
                case "report" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    if (args.flag("--on") == args.flag("--off")) {
                        throw new UsageException("say --on (the note goes into the report) or --off");
                    }
                    notes.markForReport(WorkspaceArguments.caseId(words.get(0)), number(words.get(1), "NOTE"), args.flag("--on"));
                }
                case "delete" -> {
                    List<String> words = args.positional("ID", "NOTE");
                    CaseId id = WorkspaceArguments.caseId(words.get(0));
                    int number = number(words.get(1), "NOTE");
                    notes.delete(id, number, args.required("--reason"));
                    io.out().println("note " + number + " of " + id + " is deleted; its versions stay readable (note history)");
                }
                default -> throw new UsageException("unknown note action " + verb + "; say " + VERBS);
            }
        }
        return ExitCode.OK;
    }

    private static final String VERBS = "add, list, show, edit, history, diff, restore, tag, report, order or delete";

    private static String text(Arguments args) throws UsageException {
        Optional<String> text = args.option("--text");
        Optional<String> file = args.option("--file");
        if (text.isPresent() == file.isPresent()) {
            throw new UsageException("give the note's text with --text or --file (one of them)");
        }
        if (text.isPresent()) {
            return text.get();
        }
        // read no further than a note may hold: --file /dev/zero or a capture named by mistake must not fill the memory
        long most = Notes.MAX_TEXT * 4L; // UTF-8 takes at most four bytes a character
        try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
            byte[] bytes = in.readNBytes((int) most + 1);
            if (bytes.length > most) {
                throw new UsageException(file.get() + " is larger than a note may be (" + Notes.MAX_TEXT + " characters)");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file.get());
        } catch (CharacterCodingException e) {
            throw new UsageException(file.get() + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    private static int number(String text, String what) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(what + " must be a number from 1, not " + text);
    }

    private static JsonObject json(Note n, boolean withText) {
        JsonObject o = new JsonObject();
        o.addProperty("case", n.caseId().toString());
        o.addProperty("number", n.number());
        o.addProperty("title", n.title());
        JsonArray tags = new JsonArray();
        n.tags().forEach(tags::add);
        o.add("tags", tags);
        o.addProperty("for_report", n.forReport());
        o.addProperty("version", n.version());
        o.addProperty("created", n.created().toString());
        o.addProperty("created_by", n.createdBy());
        o.addProperty("updated", n.updated().toString());
        o.addProperty("updated_by", n.updatedBy());
        if (withText) {
            o.addProperty("text", n.text());
        }
        return o;
    }

    /**
     * Names on standard error each link of a saved note that leads nowhere (a mistyped number, a session of
     * another capture): the note is kept as written, and the analyst learns now rather than from the report.
     */
    private static void warnOfLinksToNothing(Workspace ws, CaseId id, Note note, CommandContext io) throws Exception {
        for (NoteLinks.Link link : NoteLinks.resolve(ws, id, note.text())) {
            if (!link.found()) {
                io.err().println("proxyscope note: note " + note.number() + ": " + link.text() + " leads to nothing: " + link.target());
            }
        }
    }
}
