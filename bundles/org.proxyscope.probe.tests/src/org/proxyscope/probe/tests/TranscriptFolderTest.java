package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeEvidence.TranscriptFolder;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

class TranscriptFolderTest {

    private static Finding finding(int port, String protocol, String reply) {
        Transcript t = new Transcript();
        if (reply != null) {
            byte[] sent = "CONNECT 127.0.0.1:9 HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            t.sent(sent, 0, sent.length);
            byte[] got = reply.getBytes(StandardCharsets.US_ASCII);
            t.received(got, 0, got.length);
        }
        return new Finding(port, protocol, Verdict.DENIED, "test", t);
    }

    /** Files written as findings arrive are the report's files; the rest are written at the end, in the report's order. */
    @Test
    void writesAsFindingsArriveAndCompletesInReportOrder(@TempDir Path dir) throws IOException {
        Finding early = finding(3128, "http-connect", "HTTP/1.1 403 Forbidden\r\n\r\n");
        Finding late = finding(3128, "http-get", "HTTP/1.1 403 Forbidden\r\n\r\n");
        Finding silent = finding(1080, "socks5", null);
        TranscriptFolder folder = new TranscriptFolder(dir, "127.0.0.1");
        folder.write(early);
        folder.write(silent);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "a finding that exchanged nothing has no file");
        }
        Path earlyFile = dir.resolve(Files.list(dir).findFirst().orElseThrow().getFileName());
        String earlyText = Files.readString(earlyFile);
        Map<Finding, Path> files = folder.files(new ProbeReport("127.0.0.1", Instant.now(), Duration.ofMillis(5), List.of(early, late, silent), Scope.parse("127.0.0.1")));
        assertEquals(List.of(early, late), List.copyOf(files.keySet()));
        assertEquals(earlyFile, files.get(early), "written once, while the run went on");
        assertEquals(earlyText, Files.readString(earlyFile));
        assertTrue(earlyText.startsWith("Proxyscope probe transcript: http-connect on 127.0.0.1 port 3128\nVerdict: denied"), earlyText);
        assertTrue(earlyText.contains("< HTTP/1.1 403 Forbidden\\r\\n\\r\\n"), earlyText);
        assertTrue(Files.readString(files.get(late)).contains("http-get on 127.0.0.1 port 3128"));
    }

    /** A file that could not be written as the finding arrived is tried again at the end, and then the failure shows. */
    @Test
    void aFailedWriteIsReportedAtTheEnd(@TempDir Path dir) throws IOException {
        Path gone = dir.resolve("gone");
        TranscriptFolder folder = new TranscriptFolder(gone, "127.0.0.1");
        Finding f = finding(8080, "http-connect", "HTTP/1.0 200 OK\r\n\r\n");
        folder.write(f); // the folder does not exist: nothing written, nothing thrown on the probe's thread
        ProbeReport report = new ProbeReport("127.0.0.1", Instant.now(), Duration.ofMillis(5), List.of(f), Scope.parse("127.0.0.1"));
        assertThrows(IOException.class, () -> folder.files(report));
        Files.createDirectory(gone);
        assertTrue(Files.exists(folder.files(report).get(f)), "written once the folder is back");
    }
}
