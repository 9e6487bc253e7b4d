package org.proxyscope.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hash of a file taken from the reader's own reads: it is the whole file's whether the hashing
 * thread got every byte as a copy, fell behind and read ranges itself, or the reader stopped early.
 */
class HashingChannelTest {

    @TempDir
    Path dir;

    private Path file(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("capture-" + size), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static String readAndHash(Path file, int chunks, long limit) throws IOException {
        return readAndHash(file, chunks, limit, null);
    }

    /**
     * Reads {@code limit} bytes (or all) in uneven steps, as a capture reader does, then asks for the hash;
     * with {@code copy}, the hashing thread writes the file into it.
     */
    private static String readAndHash(Path file, int chunks, long limit, FileChannel copy) throws IOException {
        try (FileChannel channel = FileChannel.open(file); HashingChannel hashing = new HashingChannel(channel, file, copy, chunks)) {
            ByteBuffer buffer = ByteBuffer.allocate(3 << 20);
            Random steps = new Random(chunks);
            long read = 0;
            while (read < limit) {
                buffer.clear().position(steps.nextInt(4096)).limit((int) Math.min(buffer.capacity(),
                        buffer.position() + Math.min(limit - read, 1 + steps.nextInt(buffer.capacity() - 4096))));
                int n = hashing.read(buffer);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return hashing.sha256();
        }
    }

    /** With one chunk the reader waits for the hash at every read; with 128 it seldom does. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 128 })
    void theWholeFileIsHashedHoweverTheBytesReachTheHash(int chunks) throws Exception {
        Path file = file((9 << 20) + 12345);
        assertEquals(sha256(file), readAndHash(file, chunks, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 128 })
    void whatTheReaderLeftIsHashedFromTheFile(int chunks) throws Exception {
        Path file = file((5 << 20) + 777);
        assertEquals(sha256(file), readAndHash(file, chunks, (2 << 20) + 3));
        assertEquals(sha256(file), readAndHash(file, chunks, 0));
    }

    /** The copy the hashing thread writes is the whole file, whether the reader read all of it, some or none. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 128 })
    void theCopyIsTheWholeFileHoweverMuchTheReaderRead(int chunks) throws Exception {
        Path file = file((5 << 20) + 777);
        for (long limit : new long[] { Long.MAX_VALUE, (2 << 20) + 3, 0 }) {
            Path copy = dir.resolve("copy-" + chunks + "-" + limit);
            try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                assertEquals(sha256(file), readAndHash(file, chunks, limit, out));
            }
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy), "read " + limit);
        }
    }

    /**
     * A copy several times as long as what is flushed to disk at a time is whole: flushed by a thread of its own while
     * it is written, which has ended by the time the hash is given, and ends too when the reading stops half way.
     */
    @Test
    void aCopyFlushedAsItIsWrittenIsWholeAndItsFlushingEnds() throws Exception {
        Path file = file((int) (3 * HashingChannel.FLUSH_EVERY + 12345));
        Path copy = dir.resolve("flushed-copy");
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertEquals(sha256(file), readAndHash(file, 128, Long.MAX_VALUE, out));
            assertTrue(flushingThreads().isEmpty(), "no flushing thread once the hash is given: " + flushingThreads());
        }
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy));

        try (FileChannel channel = FileChannel.open(file);
                FileChannel out = FileChannel.open(dir.resolve("abandoned-copy"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                HashingChannel hashing = new HashingChannel(channel, file, out)) {
            hashing.read(ByteBuffer.allocate(1 << 20)); // then abandoned, as a cancelled import is
        }
        for (long end = System.nanoTime() + 10_000_000_000L; !flushingThreads().isEmpty() && System.nanoTime() < end; ) {
            Thread.sleep(10);
        }
        assertTrue(flushingThreads().isEmpty(), "the flushing thread ends with the abandoned copy: " + flushingThreads());
    }

    private static java.util.List<Thread> flushingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("evidence-flush") && t.isAlive()).toList();
    }

    /** A copy onto a full disk ({@code /dev/full}) is reported by the hash, and holds up neither thread. */
    @ParameterizedTest
    @ValueSource(ints = { 1, 128 })
    void aCopyOntoAFullDiskIsReportedAndTheReaderReadsOn(int chunks) throws Exception {
        Path file = file((6 << 20) + 99);
        try (FileChannel channel = FileChannel.open(file); FileChannel full = FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE);
                HashingChannel hashing = new HashingChannel(channel, file, full, chunks)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            java.security.MessageDigest read = java.security.MessageDigest.getInstance("SHA-256");
            for (int n = hashing.read(buffer.clear()); n >= 0; n = hashing.read(buffer.clear())) {
                read.update(buffer.flip());
            }
            assertEquals(sha256(file), HexFormat.of().formatHex(read.digest()), "the reader got the whole file, in order");
            IOException e = assertThrows(IOException.class, hashing::sha256);
            assertTrue(String.valueOf(e.getMessage()).contains("No space left"), e.toString());
        }
    }

    @Test
    void anEmptyFileHasTheEmptyHash() throws Exception {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", readAndHash(file(0), 128, Long.MAX_VALUE));
    }

    @Test
    void aStoppedHashHoldsUpNeitherTheReaderNorItsCaller() throws Exception {
        Path file = file(3 << 20);
        try (FileChannel channel = FileChannel.open(file); HashingChannel hashing = new HashingChannel(channel, file, null, 1)) {
            hashing.close();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long read = 0;
            for (int n = 0; n >= 0; n = hashing.read(buffer.clear())) {
                read += n;
            }
            assertEquals(3 << 20, read, "the reader read the whole file");
            assertThrows(java.io.InterruptedIOException.class, hashing::sha256);
        }
    }

    @Test
    void theHashStartsAtTheFilesStart() throws Exception {
        Path file = file(100);
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(10);
            assertThrows(IllegalArgumentException.class, () -> new HashingChannel(channel, file));
        }
    }
}
