package org.proxyscope.capture.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.proxyscope.core.Sha256;

/**
 * A file read forwards while its SHA-256 is computed on a thread of its own, from the bytes the reader
 * read. Hashing by a second read of the file cost more than the hash itself: a hashing thread reading the
 * file behind the parser took 2.9-3.4 s for 1 GiB instead of 0.9 s alone. So each read goes into a small
 * chunk of native memory, as Java's own reads into an array do; the reader copies the chunk into its array
 * and hands the chunk, still in the processor's cache, to the hashing thread. When the hash lags by all its
 * chunks (while the JIT compiles, both compete for the processors) the reader waits for one: giving way
 * costs nothing, while reading on and letting the hash reread the file later cost the slow second read.
 * Whatever the reader left unread (a damaged or cancelled capture) is hashed from the file at
 * {@link #sha256()}, so the hash is always the whole file's.
 */
public final class HashingChannel implements ReadableByteChannel {

    /** 64 KiB chunks, 8 MiB in all: 1 GiB imported in 1.71-1.94 s, against 1.83-2.24 s with 256 KiB chunks. */
    private static final int CHUNK = 64 << 10;

    /** A chunk to hash, or with {@code data} null the rest of the file from {@code restFrom}, which ends the hash. */
    private record Piece(ByteBuffer data, long restFrom) {
    }

    private final FileChannel channel;
    private final Path file;
    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> free;
    private final CompletableFuture<String> hash = new CompletableFuture<>();
    private final Thread hasher;
    private final int maxChunks;
    private int chunks;
    private long position;

    /** Reads {@code channel} (of {@code file}) from its current position, which must be the file's start. */
    public HashingChannel(FileChannel channel, Path file) throws IOException {
        this(channel, file, 128);
    }

    /** With at most {@code maxChunks} (at least one) chunks between the reader and the hashing thread. */
    HashingChannel(FileChannel channel, Path file, int maxChunks) throws IOException {
        if (channel.position() != 0) {
            throw new IllegalArgumentException("the hash covers the whole file: read it from its start");
        }
        this.channel = channel;
        this.file = file;
        this.maxChunks = maxChunks;
        this.free = new ArrayBlockingQueue<>(maxChunks);
        this.hasher = Thread.ofPlatform().daemon().name("capture-hash").start(this::hash);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ByteBuffer chunk = nextChunk();
        if (chunk == null) {
            // the hashing thread has stopped: read on, and sha256() says why it stopped
            return channel.read(dst);
        }
        chunk.clear().limit(Math.min(CHUNK, dst.remaining()));
        int n = channel.read(chunk);
        if (n <= 0) {
            free.add(chunk);
            return n;
        }
        dst.put(chunk.flip().duplicate());
        pieces.add(new Piece(chunk, 0));
        position += n;
        return n;
    }

    /** A chunk the hashing thread is done with, a new one while there are fewer than the most, or null once it stopped. */
    private ByteBuffer nextChunk() throws InterruptedIOException {
        ByteBuffer chunk = free.poll();
        if (chunk == null && chunks < maxChunks) {
            chunks++;
            return ByteBuffer.allocateDirect(CHUNK);
        }
        try {
            while (chunk == null && !hash.isDone()) {
                chunk = free.poll(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file.getFileName());
        }
        return hash.isDone() ? null : chunk;
    }

    /**
     * The whole file's SHA-256: what was read, then what the reader left. Waits for the hashing thread.
     *
     * @throws IOException when the file could not be read for the hash
     */
    public String sha256() throws IOException {
        pieces.add(new Piece(null, position));
        try {
            return hash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing " + file.getFileName());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void hash() {
        try (FileChannel own = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest digest = Sha256.newDigest();
            Piece p = pieces.take();
            for (; p.data != null; p = pieces.take()) {
                digest.update(p.data);
                free.add(p.data);
            }
            // the rest of the file, to its end whatever its size was when the import began
            ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
            for (long offset = p.restFrom; own.read(buffer.clear(), offset) > 0; offset += buffer.limit()) {
                digest.update(buffer.flip());
            }
            hash.complete(HexFormat.of().formatHex(digest.digest()));
        } catch (InterruptedException e) {
            hash.completeExceptionally(new InterruptedIOException("hashing " + file.getFileName() + " was stopped"));
        } catch (IOException e) {
            hash.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            hash.completeExceptionally(e); // so that neither the reader nor sha256() waits for a thread that is gone
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Stops the hashing thread; the file channel stays the caller's to close. */
    @Override
    public void close() {
        hasher.interrupt();
    }
}
