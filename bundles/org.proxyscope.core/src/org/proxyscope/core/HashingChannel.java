package org.proxyscope.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
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
import java.util.concurrent.locks.LockSupport;

/**
 * A file read forwards while its SHA-256 is computed on a thread of its own, from the same reads; given a copy
 * to write, a third thread writes every byte into it (and a fourth flushes it to disk as it grows), so that a
 * capture is copied into the evidence store, hashed and analysed in one pass over the file. Hashing by a second
 * read of the file cost more than the hash itself: a hashing thread reading the file behind the parser took
 * 2.9-3.4 s for 1 GiB instead of 0.9 s alone.
 * So the file is read once, in order, into small chunks of native memory, each handed to the reader and to the
 * hashing thread (which hands it on to the copying one, so that the copy is written from the very bytes that
 * were hashed). Whichever of the reader and the hashing thread runs out of chunks reads the next: the reads'
 * own cost (the kernel's copy into the chunk, a quarter of the hash's) falls to the one with time to spare, the
 * hashing thread when the analysis is the slower (a capture dense in proxy sessions), the reader when the hash
 * is. When all chunks are taken (while the JIT compiles, all compete for the processors) the reader waits for
 * one. The hashing thread reads on to the file's end whatever the reader does, so the hash and the copy are the
 * whole file's even when the reader stops early (a damaged or cancelled capture).
 */
public final class HashingChannel implements ReadableByteChannel {

    /** 64 KiB chunks, 8 MiB in all: 1 GiB imported in 1.71-1.94 s, against 1.83-2.24 s with 256 KiB chunks. */
    private static final int CHUNK = 64 << 10;

    /**
     * The copy is flushed to disk as it is written, this much at a time, on a thread of its own that waits for the
     * disk: flushed only once whole, the copy of a 1 GiB capture kept both processors idle for a third of a second
     * at the end of the read, before its import could go on.
     */
    static final long FLUSH_EVERY = 32L << 20;

    /**
     * A chunk of the file, back in the pool once every thread it was handed to is done with it; or, with
     * {@code data} null, the file's end.
     */
    private record Piece(ByteBuffer data, AtomicInteger holders) {

        static final Piece END = new Piece(null, null);
    }

    private final FileChannel channel;
    private final FileChannel file;
    private final Path path;
    private final FileChannel copy;
    private final BlockingQueue<Piece> toRead = new LinkedBlockingQueue<>();
    private final BlockingQueue<Piece> toHash = new LinkedBlockingQueue<>();
    private final BlockingQueue<Piece> toCopy = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> free;
    private final CompletableFuture<String> hash = new CompletableFuture<>();
    private final CompletableFuture<Void> copied = new CompletableFuture<>();
    private final Thread hasher;
    private final Thread copier;
    private final Thread flusher;
    /** Bytes the copying thread has written. */
    private volatile long copiedBytes;
    private final int maxChunks;
    private final AtomicInteger chunks = new AtomicInteger();
    /** Held while a chunk is read and handed on, so that every thread gets the chunks in the file's order. */
    private final Object reading = new Object();
    private long readTo;
    private boolean readToEnd;
    /** Set once the reader has asked for the hash: the chunks read after that are no longer handed to it. */
    private volatile boolean readerDone;
    // the reader's own
    private Piece current;
    private boolean ended;
    /** Set once the hashing or copying thread stopped early, or the channel was closed: the reader reads the file itself. */
    private boolean direct;
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
        // a channel of its own: an interrupt that stops the hashing thread closes the channel it falls on
        this.file = FileChannel.open(file, StandardOpenOption.READ);
        this.path = file;
        this.copy = copy;
        this.maxChunks = maxChunks;
        this.free = new ArrayBlockingQueue<>(maxChunks);
        this.hasher = Thread.ofPlatform().daemon().name("evidence-hash").start(this::hash);
        if (copy == null) {
            copied.complete(null);
            this.copier = null;
            this.flusher = null;
        } else {
            this.flusher = Thread.ofPlatform().daemon().name("evidence-flush").start(this::flush);
            this.copier = Thread.ofPlatform().daemon().name("evidence-copy").start(this::copy);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (!direct && (current == null || !current.data().hasRemaining())) {
            if (ended) {
                return -1;
            }
            if (current != null) {
                release(current);
                current = null;
            }
            Piece next = toRead.poll();
            try {
                while (next == null && !stopped()) {
                    // reads the next chunk itself if one is free, else waits a little for either
                    ByteBuffer chunk = nextChunk();
                    if (chunk != null) {
                        readNext(chunk);
                        next = toRead.poll();
                    } else {
                        next = toRead.poll(1, TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + path.getFileName());
            }
            if (next == null) {
                direct = true; // the hashing or copying thread has stopped: read on, and sha256() says why it stopped
            } else if (next.data() == null) {
                ended = true;
            } else {
                current = new Piece(next.data().duplicate(), next.holders());
            }
        }
        if (direct) {
            int n = channel.read(dst, position);
            position += Math.max(n, 0);
            return n;
        }
        ByteBuffer data = current.data();
        int n = Math.min(data.remaining(), dst.remaining());
        dst.put(dst.position(), data, data.position(), n).position(dst.position() + n);
        data.position(data.position() + n);
        position += n;
        return n;
    }

    /**
     * Reads the file's next chunk into {@code chunk} and hands it to the reader (until it is done) and the hashing
     * thread, or hands on the file's end; gives {@code chunk} back when another thread got there first.
     */
    private void readNext(ByteBuffer chunk) throws IOException {
        synchronized (reading) {
            int n = readToEnd ? -1 : file.read(chunk.clear(), readTo);
            if (n <= 0) {
                free.add(chunk);
                if (!readToEnd) {
                    readToEnd = true;
                    toRead.add(Piece.END);
                    toHash.add(Piece.END);
                }
                return;
            }
            readTo += n;
            boolean toReader = !readerDone;
            Piece piece = new Piece(chunk.flip(), new AtomicInteger((toReader ? 1 : 0) + 1 + (copy == null ? 0 : 1)));
            if (toReader) {
                toRead.add(piece);
            }
            toHash.add(piece);
        }
    }

    /** A chunk the other threads are done with, a new one while there are fewer than the most, or null. */
    private ByteBuffer nextChunk() {
        ByteBuffer chunk = free.poll();
        // counted in one step: the reader and the hashing thread both make chunks, and a look at the count before
        // adding to it let both make the last one; the pool then had no room for one of them when both came back
        if (chunk == null && chunks.getAndUpdate(made -> made < maxChunks ? made + 1 : made) < maxChunks) {
            return ByteBuffer.allocateDirect(CHUNK);
        }
        return chunk;
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
     * The whole file's SHA-256, whatever the reader read of it. Waits for the hashing thread, and for the copying
     * one to have written the whole file.
     *
     * @throws IOException when the file could not be read for the hash, or the copy not written
     */
    public String sha256() throws IOException {
        readerDone = true;
        try {
            // gives back the chunks the reader will not read, so that the hash and the copy go on to the file's end
            if (current != null) {
                release(current);
                current = null;
            }
            for (boolean last = false; !last; ) {
                last = hash.isDone();
                // waits for chunks still to come only while the hash is not done: the wait once cost every import 20 ms
                for (Piece p = last ? toRead.poll() : toRead.poll(20, TimeUnit.MILLISECONDS); p != null; p = toRead.poll()) {
                    if (p.data() != null) {
                        release(p);
                    }
                }
            }
            String sha = hash.get();
            copied.get();
            if (flusher != null) {
                LockSupport.unpark(flusher);
                flusher.join(); // nothing flushes the copy once the caller has it
            }
            return sha;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing " + path.getFileName());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Hashes the chunks in the file's order, reading the next itself whenever none is waiting and one is free. */
    private void hash() {
        try {
            MessageDigest digest = Sha256.newDigest();
            for (Piece p = toHash.poll();; p = toHash.poll()) {
                if (p == null) {
                    ByteBuffer chunk = nextChunk();
                    if (chunk != null) {
                        readNext(chunk);
                    } else if (copy != null && copied.isDone()) {
                        // the copy failed, and sha256() reports it: the reader reads the rest itself
                        hash.complete(HexFormat.of().formatHex(digest.digest()));
                        return;
                    } else {
                        p = toHash.poll(1, TimeUnit.MILLISECONDS); // or a chunk is given back
                    }
                    if (p == null) {
                        continue;
                    }
                }
                if (p.data() == null) {
                    break;
                }
                digest.update(p.data().duplicate());
                if (copy != null) {
                    toCopy.add(p);
                }
                release(p);
            }
            toCopy.add(Piece.END);
            hash.complete(HexFormat.of().formatHex(digest.digest()));
        } catch (InterruptedException | ClosedChannelException e) { // close() closes the hashing channel
            hash.completeExceptionally(new InterruptedIOException("hashing " + path.getFileName() + " was stopped"));
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
            long signalled = 0;
            Piece p = toCopy.take();
            for (; p.data() != null; p = toCopy.take()) {
                ByteBuffer out = p.data().duplicate();
                while (out.hasRemaining()) {
                    copiedBytes += copy.write(out);
                }
                release(p);
                if (copiedBytes - signalled >= FLUSH_EVERY) {
                    signalled = copiedBytes;
                    LockSupport.unpark(flusher);
                }
            }
            copied.complete(null);
        } catch (InterruptedException e) {
            copied.completeExceptionally(new InterruptedIOException("copying " + path.getFileName() + " was stopped"));
        } catch (IOException e) {
            copied.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            copied.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Flushes what the copying thread has written, each time it has written {@link #FLUSH_EVERY} more, until the copy
     * ends. Its failures are not reported: the caller flushes the whole copy once it is written, and that flush fails
     * the same way.
     */
    private void flush() {
        long flushed = 0;
        try {
            while (!copied.isDone()) {
                long written = copiedBytes;
                if (written - flushed >= FLUSH_EVERY) {
                    copy.force(false);
                    flushed = written;
                } else {
                    LockSupport.park(this);
                }
            }
        } catch (IOException e) {
            // the caller's flush of the whole copy says what went wrong
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Stops the hashing and copying threads; the file channels given stay the caller's to close. */
    @Override
    public void close() throws IOException {
        direct = true;
        hasher.interrupt();
        if (copier != null) {
            copier.interrupt();
            flusher.interrupt();
        }
        file.close();
    }
}
