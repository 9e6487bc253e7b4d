package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureFormatException;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.core.Progress;

/** Hand-built damaged files: a clear error naming the byte offset, and what came before stays usable. */
class DamagedCaptureTest {

    @TempDir
    Path tmp;

    private Path write(String name, byte[] content) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static byte[] recorded(String name) throws Exception {
        return Files.readAllBytes(Recorded.file(name));
    }

    private static CaptureReport read(Path file) throws Exception {
        return new CaptureImporter().read(file, Progress.NONE);
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> read(write("empty.pcap", new byte[0])));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void aWrongMagicNamesWhatTheFileBeginsWith() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = (byte) 0xca;
        junk[1] = (byte) 0xfe;
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> read(write("junk.bin", junk)));
        assertTrue(e.getMessage().contains("no pcap, pcapng, netstat or ss file") && e.getMessage().contains("ca fe"), e.getMessage());
    }

    @Test
    void aTruncatedCaptureKeepsWhatCameBefore() throws Exception {
        byte[] whole = recorded("lo.pcap");
        CaptureReport complete = read(Recorded.file("lo.pcap"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 7);
        CaptureReport report = read(write("cut.pcap", cut));
        assertTrue(report.partial());
        assertTrue(report.problem().get().contains("cut short") && report.problem().get().contains("at byte offset"),
                report.problem().get());
        assertEquals(complete.packets() - 1, report.packets());
        assertTrue(report.sessions().size() >= complete.sessions().size() - 1);
    }

    @Test
    void aCancelledImportStopsAtOnceAndClaimsNoHash() throws Exception {
        // the recorded traffic forty times over: larger than one read
        byte[] recorded = recorded("lo.pcap");
        java.io.ByteArrayOutputStream repeated = new java.io.ByteArrayOutputStream();
        repeated.write(recorded, 0, 24);
        for (int i = 0; i < 40; i++) {
            repeated.write(recorded, 24, recorded.length - 24);
        }
        Path file = write("long.pcap", repeated.toByteArray());
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        Progress cancelAfterFirstRead = new Progress() {
            @Override
            public void advance(long amount) {
                read.addAndGet(amount);
            }

            @Override
            public boolean cancelled() {
                return read.get() > 0;
            }
        };
        CaptureReport report = new CaptureImporter().read(file, cancelAfterFirstRead);
        assertTrue(report.partial());
        assertTrue(report.problem().get().startsWith("cancelled at byte offset"), report.problem().get());
        assertTrue(read.get() < Files.size(file), read.get() + " of " + Files.size(file) + " bytes read");
        assertEquals("", report.sha256(), "no hash of a file the import did not finish");
    }

    @Test
    void aRecordWithAnImpossibleLengthIsNamedByItsOffset() throws Exception {
        byte[] bytes = recorded("lo.pcap");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // third record: skip the file header and two records
        int first = 24;
        int second = first + 16 + b.getInt(first + 8);
        int third = second + 16 + b.getInt(second + 8);
        b.putInt(third + 8, 0x7fff_0000);
        CaptureReport report = read(write("huge.pcap", bytes));
        assertEquals(2, report.packets());
        assertTrue(report.problem().get().contains("impossible length") && report.problem().get().contains("offset " + third),
                report.problem().get());
    }

    @Test
    void aPcapngBlockThatLiesAboutItsSize() throws Exception {
        byte[] bytes = recorded("lo.pcapng");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        int blocks = 0;
        while (blocks < 5) {
            offset += b.getInt(offset + 4);
            blocks++;
        }
        int length = b.getInt(offset + 4);
        b.putInt(offset + length - 4, length + 8);
        CaptureReport report = read(write("liar.pcapng", bytes));
        assertTrue(report.partial());
        assertTrue(report.problem().get().contains("lies about its size")
                && report.problem().get().contains("offset " + (offset + length - 4)), report.problem().get());
        assertTrue(report.packets() > 0 && report.packets() < 5);
    }

    @Test
    void aPacketNamingAnInterfaceThatDoesNotExist() throws Exception {
        byte[] bytes = recorded("lo.pcapng");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        while (b.getInt(offset) != 6) {
            offset += b.getInt(offset + 4);
        }
        b.putInt(offset + 8, 9);
        CaptureReport report = read(write("interface.pcapng", bytes));
        assertEquals(0, report.packets());
        assertTrue(report.problem().get().contains("interface 9") && report.problem().get().contains("offset " + (offset + 8)),
                report.problem().get());
    }

    @Test
    void aNetstatListingWithBinaryJunkKeepsTheLinesBefore() throws Exception {
        String listing = """
                Proto Recv-Q Send-Q Local Address           Foreign Address         State
                tcp        0      0 0.0.0.0:1080            0.0.0.0:*               LISTEN
                """;
        byte[] bytes = (listing + "tcp \0\1\2 junk\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        CaptureReport report = read(write("netstat.txt", bytes));
        assertTrue(report.partial());
        assertTrue(report.problem().get().contains("binary data") && report.problem().get().contains("offset " + (listing.length() + 4)),
                report.problem().get());
        assertEquals(1080, report.listening().get(0).port());
    }
}
