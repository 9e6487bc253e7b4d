package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proxyscope.capture.CaptureFormatException;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.core.Progress;

/**
 * Thousands of corrupted variants of the recorded captures (flipped bytes, overwritten length fields,
 * truncations, spliced junk): every one must give a report or a {@link CaptureFormatException}, never
 * another exception, and never more than the file could hold.
 */
class MutationTest {

    private static final int VARIANTS = 2500;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = { "lo.pcap", "lo.pcapng" })
    void everyCorruptionEndsCleanly(String name) throws Exception {
        byte[] original = Files.readAllBytes(Recorded.file(name));
        Random random = new Random(name.hashCode());
        Path file = tmp.resolve("mutant");
        CaptureImporter importer = new CaptureImporter();
        int partial = 0;
        int refused = 0;
        for (int i = 0; i < VARIANTS; i++) {
            byte[] mutant = mutate(original, random);
            Files.write(file, mutant);
            try {
                CaptureReport report = importer.read(file, Progress.NONE);
                assertTrue(report.packets() <= mutant.length / 16, "more packets than the file can hold");
                assertTrue(report.flowCount() <= report.packets());
                assertTrue(report.sessions().size() <= report.flowCount());
                if (report.partial()) {
                    partial++;
                    assertTrue(report.problem().get().contains("offset"), report.problem().get());
                }
            } catch (CaptureFormatException e) {
                refused++;
            } catch (Exception | Error e) {
                Files.write(tmp.resolve("failing-" + name), mutant);
                fail("variant " + i + " of " + name + " threw " + e, e);
            }
        }
        // the mutations really break files; a mutation test that only ever read clean files proves nothing
        assertTrue(partial + refused > VARIANTS / 4, partial + " partial, " + refused + " refused");
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                // a length-sized field somewhere gets an extreme value
                int at = random.nextInt(b.length - 4) & ~3;
                int value = switch (random.nextInt(4)) {
                    case 0 -> -1;
                    case 1 -> 0;
                    case 2 -> 0x7fff_fff0;
                    default -> random.nextInt(70000);
                };
                b[at] = (byte) value;
                b[at + 1] = (byte) (value >>> 8);
                b[at + 2] = (byte) (value >>> 16);
                b[at + 3] = (byte) (value >>> 24);
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 3 -> {
                int at = random.nextInt(b.length);
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                byte[] spliced = new byte[b.length + junk.length];
                System.arraycopy(b, 0, spliced, 0, at);
                System.arraycopy(junk, 0, spliced, at, junk.length);
                System.arraycopy(b, at, spliced, at + junk.length, b.length - at);
                b = spliced;
            }
            default -> {
                for (int n = 1 + random.nextInt(64); n > 0; n--) {
                    b[24 + random.nextInt(b.length - 24)] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }
}
