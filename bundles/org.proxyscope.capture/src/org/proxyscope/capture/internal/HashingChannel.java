package org.proxyscope.capture.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A file read forwards while its SHA-256 is computed on a thread of its own, from the bytes the reader
 * read. Hashing by a second read of the file cost more than the hash itself: two threads copying the same
 * file out of the page cache at once slowed each other's copies about fourfold here (a 1 GiB capture: the
 * parser's reads took 0.7-0.9 s instead of 0.2 s). So the reader copies what it read into chunks for the
 * hashing thread, which stays in the processor's cache. The reader never waits: while the hash lags by
 * all its chunks (as it does while the JIT has not yet compiled the digest), it hands over the file range
 * instead, and the hashing thread reads that range itself. Whatever the reader left unread (a damaged or
 * cancelled capture) is hashed from the file at {@link #sha256()}, so the hash is always the whole file's.
 */
public final class HashingChannel implements ReadableByteChannel {

    private static final int CHUNK = 1 << 20;
    private static final byte[] END = new byte[0];

    /** Bytes for the hash: a chunk of {@code length} bytes, or with {@link #data} null the file range itself. */
    private record Piece(byte[] data, long offset, long length) {
    }

    private final FileChannel channel;
    private final Path file;
    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final Object freeLock = new Object();
    private final CompletableFuture<String> hash = new CompletableFuture<>();
    private final Thread hasher;
    private final int maxChunks;
    private int chunks;
    private byte[] chunk;
    private int filled;
    private long chunkOffset;
    private long rangeOffset;
    private long rangeLength;
    private long position;

    /** Reads {@code channel} (of {@code file}) from its current position, which must be the file's start. */
    public HashingChannel(FileChannel channel, Path file) throws IOException {
        this(channel, file, 16);
    }

    /** With at most {@code maxChunks} chunks of 1 MiB between the reader and the hashing thread. */
    HashingChannel(FileChannel channel, Path file, int maxChunks) throws IOException {
        if (channel.position() != 0) {
            throw new IllegalArgumentException("the hash covers the whole file: read it from its start");
        }
        this.channel = channel;
        this.file = file;
        this.maxChunks = maxChunks;
        this.hasher = Thread.ofPlatform().daemon().name("capture-hash").start(this::hash);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = channel.read(dst);
        if (n > 0) {
            pass(dst.duplicate().position(start).limit(start + n));
        }
        return n;
    }

    /** Copies what was read into chunks, or extends the range the hashing thread reads itself. */
    private void pass(ByteBuffer read) {
        while (read.hasRemaining()) {
            if (chunk == null && !takeChunk()) {
                rangeLength += read.remaining();
                position += read.remaining();
                return;
            }
            int step = Math.min(read.remaining(), CHUNK - filled);
            read.get(chunk, filled, step);
            filled += step;
            position += step;
            if (filled == CHUNK) {
                handChunk();
            }
        }
    }

    private boolean takeChunk() {
        synchronized (freeLock) {
            chunk = free.poll();
        }
        if (chunk == null && chunks < maxChunks) {
            chunk = new byte[CHUNK];
            chunks++;
        }
        if (chunk == null) {
            return false;
        }
        handRange();
        filled = 0;
        chunkOffset = position;
        return true;
    }

    private void handChunk() {
        pieces.add(new Piece(chunk, chunkOffset, filled));
        chunk = null;
        filled = 0;
        rangeOffset = position;
    }

    private void handRange() {
        if (rangeLength > 0) {
            pieces.add(new Piece(null, rangeOffset, rangeLength));
            rangeLength = 0;
        }
        rangeOffset = position;
    }

    /**
     * The whole file's SHA-256: what was read, then what the reader left. Waits for the hashing thread.
     *
     * @throws IOException when the file could not be read for the hash
     */
    public String sha256() throws IOException {
        if (chunk != null && filled > 0) {
            handChunk();
        }
        handRange();
        // the rest of the file, to its end, whatever the size was when the import began
        pieces.add(new Piece(null, position, -1));
        pieces.add(new Piece(END, 0, 0));
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
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = null;
            for (Piece p = pieces.take(); p.data != END; p = pieces.take()) {
                if (p.data != null) {
                    digest.update(p.data, 0, (int) p.length);
                    synchronized (freeLock) {
                        free.push(p.data);
                    }
                    continue;
                }
                // A direct buffer: the file is copied once, into it (a heap array is copied twice).
                buffer = buffer == null ? ByteBuffer.allocateDirect(CHUNK) : buffer;
                long offset = p.offset;
                long end = p.length < 0 ? Long.MAX_VALUE : p.offset + p.length;
                while (offset < end) {
                    buffer.clear().limit((int) Math.min(CHUNK, end - offset));
                    int n = own.read(buffer, offset);
                    if (n < 0) {
                        if (p.length >= 0) {
                            throw new IOException(file.getFileName() + " ended at byte " + offset + " while it was hashed");
                        }
                        break;
                    }
                    offset += n;
                    digest.update(buffer.flip());
                }
            }
            hash.complete(HexFormat.of().formatHex(digest.digest()));
        } catch (InterruptedException e) {
            hash.completeExceptionally(new InterruptedIOException("hashing " + file.getFileName() + " was stopped"));
        } catch (IOException e) {
            hash.completeExceptionally(e);
        } catch (NoSuchAlgorithmException e) {
            hash.completeExceptionally(new IllegalStateException(e));
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
