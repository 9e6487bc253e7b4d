package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.capture.SessionTimeline;
import org.proxyscope.core.Progress;

/**
 * The sessions timeline of the recorded traffic, as recorded (a burst of under a second) and stretched to
 * more than a day: every session in exactly one bucket, the bucket its start falls in, round widths, and a
 * bar count the chart can draw.
 */
class SessionTimelineTest {

    @TempDir
    Path tmp;

    private static void assertWellFormed(CaptureReport report, SessionTimeline timeline) {
        assertTrue(timeline.buckets().size() >= SessionTimeline.MIN_BUCKETS && timeline.buckets().size() <= SessionTimeline.MAX_BUCKETS,
                timeline.buckets().size() + " buckets");
        long width = timeline.width().toNanos();
        assertEquals(report.sessions().size(), timeline.buckets().stream().mapToInt(SessionTimeline.Bucket::total).sum());
        for (SessionTimeline.Bucket b : timeline.buckets()) {
            assertEquals(0, b.startNanos() % width, "buckets start on round times");
            for (ProxySession s : b.sessions()) {
                long t = s.flow().firstNanos();
                assertTrue(t >= b.startNanos() && t < b.startNanos() + width, "a session lies in its own bucket");
            }
            assertEquals(b.total(), b.counts().values().stream().mapToInt(Integer::intValue).sum());
        }
        assertEquals(timeline.buckets().stream().mapToInt(SessionTimeline.Bucket::total).max().orElse(0), timeline.peak());
    }

    @Test
    void theRecordedBurstFillsAtLeastTheMinimumOfBarsInMilliseconds() throws Exception {
        CaptureReport report = new CaptureImporter().read(Recorded.file("lo.pcap"), Progress.NONE);
        assertTrue(report.sessions().size() >= 5, "the recording holds proxy sessions");
        SessionTimeline timeline = SessionTimeline.of(report);
        assertWellFormed(report, timeline);
        assertTrue(timeline.width().compareTo(Duration.ofSeconds(1)) <= 0, "a burst is drawn in (milli)seconds: " + timeline.width());
    }

    @Test
    void aDayLongCaptureFitsInSixtyRoundBars() throws Exception {
        List<CaptureWriter.IpPacket> packets = CaptureWriter.ipPackets(Recorded.file("lo.pcap"));
        long first = packets.get(0).nanos();
        // stretched to a day and a half, however long the recording took: waiting for a port an earlier run held
        // made it last 49 s once, and a fixed factor stretched that to 113 days
        long recorded = packets.stream().mapToLong(CaptureWriter.IpPacket::nanos).max().orElseThrow() - first;
        long factor = Duration.ofHours(36).toNanos() / Math.max(1, recorded);
        List<CaptureWriter.IpPacket> stretched = packets.stream()
                .map(p -> new CaptureWriter.IpPacket(first + (p.nanos() - first) * factor, p.ip())).toList();
        Path file = tmp.resolve("day.pcap");
        Files.write(file, CaptureWriter.pcap(stretched, CaptureWriter.Link.ETHERNET, ByteOrder.LITTLE_ENDIAN, true));
        CaptureReport report = new CaptureImporter().read(file, Progress.NONE);
        SessionTimeline timeline = SessionTimeline.of(report);
        assertWellFormed(report, timeline);
        assertTrue(timeline.width().toSeconds() >= 60 && timeline.width().toSeconds() % 60 == 0, "minutes or more: " + timeline.width());
    }

    @Test
    void aListingWithoutTimeStampsHasNoTimeline() throws Exception {
        Path listing = tmp.resolve("netstat.txt");
        Files.writeString(listing, "Active Internet connections (servers and established)\n"
                + "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n"
                + "tcp        0      0 0.0.0.0:1080            0.0.0.0:*               LISTEN\n");
        assertTrue(SessionTimeline.of(new CaptureImporter().read(listing, Progress.NONE)).isEmpty());
    }
}
