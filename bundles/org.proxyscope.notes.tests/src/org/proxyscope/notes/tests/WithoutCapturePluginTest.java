package org.proxyscope.notes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.notes.NoteLinks;
import org.proxyscope.notes.Notes;

/**
 * The notes plug-in imports the capture and probe plug-ins optionally: a product without them still shows a case's
 * timeline, resolves its note links and opens its search results. The same case is read once as installed and once by
 * the notes plug-in's own classes loaded where neither plug-in can be found, as OSGi leaves them when it is absent.
 */
class WithoutCapturePluginTest {

    @TempDir
    Path tmp;

    @Test
    void timelineLinksAndSearchResultsWorkWithoutTheCaptureAndProbePlugins() throws Exception {
        ClassLoader without = new WithoutCaptureAndProbe();
        assertThrows(ClassNotFoundException.class, () -> without.loadClass(CaptureRecords.class.getName()));

        Path capture = tmp.resolve("dense.pcap");
        Process maker = new ProcessBuilder("python3", Path.of("../../releng/bench/make-capture.py").toAbsolutePath().toString(), "1",
                capture.toString(), "--dense").inheritIO().start();
        assertEquals(0, maker.waitFor());
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = ws.createCase(NewCase.of("Relaying PC", "192.0.2.7", "192.0.2.7", "", "high", List.of()));
            CaptureEvidence.keep(ws, c.id(), capture, new CaptureImporter(), Progress.NONE);
            Notes.of(ws).add(c.id(), "First look", "relayed", List.of(), false);
            List<KeptCapture.Session> sessions = CaptureRecords.of(ws).list(c.id()).get(0).sessions();
            KeptCapture.Session first = sessions.get(0);
            // a later session of the first one's search entry (same proxy, protocol and outcome), from another client
            KeptCapture.Session later = sessions.stream().filter(s -> s.proxyHost().equals(first.proxyHost()) && s.proxyPort() == first.proxyPort()
                    && s.protocol().equals(first.protocol()) && s.outcome() == first.outcome() && !s.clientHost().equals(first.clientHost()))
                    .findFirst().orElseThrow();
            String entryRef = "1/" + first.flow();
            String link = "[[session:" + entryRef + "]]";
            SearchHit entry = new SearchHit(c.id(), "session", entryRef, "sessions", "client «" + later.clientHost() + "»");

            ClassLoader installed = NoteLinks.class.getClassLoader();
            assertEquals(List.of("custody", "note", "session"), kinds(call(installed, "CaseTimeline", "of", ws, c.id())));
            assertEquals(List.of("custody", "note"), kinds(call(without, "CaseTimeline", "of", ws, c.id())),
                    "without the plug-in the timeline holds no sessions, and says nothing else is wrong");

            assertEquals(List.of(true), found(call(installed, "NoteLinks", "resolve", ws, c.id(), link)));
            assertEquals(List.of(false), found(call(without, "NoteLinks", "resolve", ws, c.id(), link)));
            assertNotEquals(List.of(), call(installed, "NoteLinks", "completions", ws, c.id(), "session:", 10));
            assertEquals(List.of(), call(without, "NoteLinks", "completions", ws, c.id(), "session:", 10));

            assertEquals("1/" + later.flow(), call(installed, "SearchTarget", "ref", ws, entry));
            assertEquals(entryRef, call(without, "SearchTarget", "ref", ws, entry), "the search entry's own ref, where no session can be read");
        }
    }

    /** Calls the notes plug-in's public static {@code method} of {@code type}, as loaded by {@code loader}. */
    private static Object call(ClassLoader loader, String type, String method, Object... args) throws Exception {
        Class<?> c = loader.loadClass("org.proxyscope.notes." + type);
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return m.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(type + "." + method);
    }

    /** The kinds of entry in a timeline, in alphabetical order: the capture's sessions are older than the case. */
    private static List<String> kinds(Object entries) throws Exception {
        return components(entries, "kind").stream().map(String::valueOf).distinct().sorted().toList();
    }

    private static List<Object> found(Object links) throws Exception {
        return components(links, "found");
    }

    /** One component of each record in {@code records}: the records' classes differ between the two loaders. */
    private static List<Object> components(Object records, String name) throws Exception {
        List<Object> values = new ArrayList<>();
        for (Object r : (List<?>) records) {
            for (RecordComponent component : r.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    values.add(component.getAccessor().invoke(r));
                }
            }
        }
        return values;
    }

    /** The notes plug-in's classes defined afresh, where the capture and probe plug-ins' classes cannot be found. */
    private static final class WithoutCaptureAndProbe extends ClassLoader {

        WithoutCaptureAndProbe() {
            super(NoteLinks.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.proxyscope.capture.") || name.startsWith("org.proxyscope.probe.")) {
                throw new ClassNotFoundException(name + ": not installed");
            }
            if (!name.startsWith("org.proxyscope.notes.") || name.startsWith("org.proxyscope.notes.tests.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (java.io.IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
