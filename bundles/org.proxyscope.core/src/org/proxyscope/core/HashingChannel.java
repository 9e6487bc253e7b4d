package org.proxyscope.core;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file read forwards while its SHA-256 is computed on a thread of its own, from the bytes the reader
 * read; given a copy to write, a third thread writes every byte into it, so that a capture is copied into the
 * evidence store, hashed and analysed in one pass over the file. Hashing by a second read of the file cost
 * more than the hash itself: a hashing thread reading the file behind the parser took 2.9-3.4 s for 1 GiB
 * instead of 0.9 s alone. So each read goes into a small chunk of native memory, as Java's own reads into an
 * array do; the reader copies the chunk into its array and hands the chunk, still in the processor's cache,
 * to the hashing thread (and the copying one, which writes the very bytes that were hashed). When they lag
 * by all the chunks (while the JIT compiles, all compete for the processors) the reader waits for one:
 * giving way costs nothing, while reading on and letting the hash reread the file later cost the slow second
 * read. Whatever the reader left unread (a damaged or cancelled capture) is hashed and copied from the file
 * at {@link #sha256()}, so the hash and the copy are always the whole file's.
 */
public final class HashingChannel implements ReadableByteChannel {

    /** 64 KiB chunks, 8 MiB in all: 1 GiB imported in 1.71-1.94 s, against 1.83-2.24 s with 256 KiB chunks. */
    private static final int CHUNK = 64 << 10;

    /**
     * A chunk of the file, back in the pool once every thread it was handed to is done with it; or, with
     * {@code data} null, the end of the reads: the rest of the file is from {@code restFrom}.
     */
    private record Piece(ByteBuffer data, AtomicInteger holders, long restFrom) {

        static Piece end(long restFrom) {
            return new Piece(null, null, restFrom);
        }
    }

    private final FileChannel channel;
    private final Path file;
    private final FileChannel copy;
    private final BlockingQueue<Piece> toHash = new LinkedBlockingQueue<>();
    private final BlockingQueue<Piece> toCopy = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> free;
    private final CompletableFuture<String> hash = new CompletableFuture<>();
    private final CompletableFuture<Void> copied = new CompletableFuture<>();
    private final Thread hasher;
    private final Thread copier;
    private final int maxChunks;
    private final AtomicInteger chunks = new AtomicInteger();
    private long position;

    /** Reads {@code channel} (of {@code file}) from its current position, which must be the file's start. */
    public HashingChannel(FileChannel channel, Path file) throws IOException {
        this(channel, file, null, 128);
    }

    /** Reads as {@link #HashingChannel(FileChannel, Path)} does, and writes every byte of the file into {@code copy}. */
    public HashingChannel(FileChannel channel, Path file, FileChannel copy) throws IOException {
        this(channel, file, copy, 128);
    }

    /** With at most {@code maxChunks} (at least one) chunks between the reader and the other threads. */
    HashingChannel(FileChannel channel, Path file, FileChannel copy, int maxChunks) throws IOException {
        if (channel.position() != 0) {
            throw new IllegalArgumentException("the hash covers the whole file: read it from its start");
        }
        this.channel = channel;
        this.file = file;
        this.copy = copy;
        this.maxChunks = maxChunks;
        this.free = new ArrayBlockingQueue<>(maxChunks);
        this.hasher = Thread.ofPlatform().daemon().name("evidence-hash").start(this::hash);
        if (copy == null) {
            copied.complete(null);
            this.copier = null;
        } else {
            this.copier = Thread.ofPlatform().daemon().name("evidence-copy").start(this::copy);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ByteBuffer chunk = nextChunk();
        if (chunk == null) {
            // the hashing or copying thread has stopped: read on, and sha256() says why it stopped
            return channel.read(dst);
        }
        chunk.clear().limit(Math.min(CHUNK, dst.remaining()));
        int n = channel.read(chunk);
        if (n <= 0) {
            free.add(chunk);
            return n;
        }
        dst.put(chunk.flip().duplicate());
        Piece piece = new Piece(chunk, new AtomicInteger(copy == null ? 1 : 2), 0);
        toHash.add(piece);
        if (copy != null) {
            toCopy.add(piece);
        }
        position += n;
        return n;
    }

    /** A chunk the other threads are done with, a new one while there are fewer than the most, or null once one stopped. */
    private ByteBuffer nextChunk() throws InterruptedIOException {
        ByteBuffer chunk = free.poll();
        if (chunk == null && chunks.get() < maxChunks) {
            chunks.incrementAndGet();
            return ByteBuffer.allocateDirect(CHUNK);
        }
        try {
            while (chunk == null && !stopped()) {
                chunk = free.poll(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + file.getFileName());
        }
        return stopped() ? null : chunk;
    }

    /** Whether the hashing or the copying thread has ended before the reads did (it failed, or was stopped). */
    private boolean stopped() {
        return hash.isDone() || copy != null && copied.isDone();
    }

    /** One holder is done with a piece: the last gives its chunk back to the pool. */
    private void release(Piece piece) {
        if (piece.holders().decrementAndGet() == 0) {
            free.add(piece.data());
        }
    }

    /**
     * The whole file's SHA-256: what was read, then what the reader left. Waits for the hashing thread, and for
     * the copying one to have written the whole file.
     *
     * @throws IOException when the file could not be read for the hash, or the copy not written
     */
    public String sha256() throws IOException {
        toHash.add(Piece.end(position));
        try {
            String sha = hash.get();
            copied.get();
            return sha;
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
            Piece p = toHash.take();
            for (; p.data() != null; p = toHash.take()) {
                digest.update(p.data().duplicate());
                release(p);
            }
            // the rest of the file, to its end whatever its size was when the import began, through the same pool
            for (long offset = p.restFrom();; ) {
                ByteBuffer chunk = nextChunk();
                if (chunk == null) {
                    break; // the copy failed: sha256() reports it
                }
                int n = own.read(chunk.clear(), offset);
                if (n <= 0) {
                    free.add(chunk);
                    break;
                }
                offset += n;
                digest.update(chunk.flip().duplicate());
                if (copy == null) {
                    free.add(chunk);
                } else {
                    toCopy.add(new Piece(chunk, new AtomicInteger(1), 0));
                }
            }
            toCopy.add(Piece.end(0));
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

    /** Writes the pieces into the copy, in file order, as they come. */
    private void copy() {
        try {
            Piece p = toCopy.take();
            for (; p.data() != null; p = toCopy.take()) {
                ByteBuffer out = p.data().duplicate();
                while (out.hasRemaining()) {
                    copy.write(out);
                }
                release(p);
            }
            copied.complete(null);
        } catch (InterruptedException e) {
            copied.completeExceptionally(new InterruptedIOException("copying " + file.getFileName() + " was stopped"));
        } catch (IOException e) {
            copied.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            copied.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Stops the hashing and copying threads; the file channels stay the caller's to close. */
    @Override
    public void close() {
        hasher.interrupt();
        if (copier != null) {
            copier.interrupt();
        }
    }
}
