package org.proxyscope.capture.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A capture file read forwards through one reusable buffer, so memory stays bounded whatever the file's
 * size. Readers ask for the bytes of the next header or record with {@link #request(int)} and then read
 * them in place from {@link #array()} at {@link #position()}.
 */
public final class ByteSource {

    private final ReadableByteChannel channel;
    private final byte[] buffer;
    private final ByteBuffer wrapper;
    private int position;
    private int limit;
    private long bufferOffset;
    private boolean endOfFile;
    private long bytesRead;

    public ByteSource(ReadableByteChannel channel, int capacity) {
        this.channel = channel;
        this.buffer = new byte[capacity];
        this.wrapper = ByteBuffer.wrap(buffer);
    }

    public int capacity() {
        return buffer.length;
    }

    /**
     * Makes {@code length} bytes available from the current position.
     *
     * @return false when the file ends before that many bytes
     */
    public boolean request(int length) throws IOException {
        if (limit - position >= length) {
            return true;
        }
        if (length > buffer.length) {
            throw new IllegalArgumentException("request of " + length + " bytes exceeds the buffer");
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferOffset += position;
            limit -= position;
            position = 0;
        }
        while (limit < length && !endOfFile) {
            wrapper.limit(buffer.length).position(limit);
            int n = channel.read(wrapper);
            if (n < 0) {
                endOfFile = true;
            } else {
                limit += n;
                bytesRead += n;
            }
        }
        return limit - position >= length;
    }

    /** True when no byte is left. */
    public boolean atEnd() throws IOException {
        return !request(1);
    }

    /** Bytes available from the current position without another read. */
    public int available() {
        return limit - position;
    }

    public byte[] array() {
        return buffer;
    }

    public int position() {
        return position;
    }

    /** Offset in the file of the current position. */
    public long offset() {
        return bufferOffset + position;
    }

    /** Bytes read from the file so far, for progress. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Moves past {@code length} bytes that {@link #request(int)} made available. */
    public void skip(int length) {
        position += length;
    }

    /** Moves past {@code length} bytes, reading through those not yet in the buffer. */
    public boolean skipLong(long length) throws IOException {
        long left = length;
        while (left > 0) {
            if (available() == 0 && !request(1)) {
                return false;
            }
            int step = (int) Math.min(left, available());
            position += step;
            left -= step;
        }
        return true;
    }

    public static int u16be(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
    }

    public static int u16le(byte[] b, int i) {
        return (b[i + 1] & 0xff) << 8 | b[i] & 0xff;
    }

    public static int i32be(byte[] b, int i) {
        return (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
    }

    public static int i32le(byte[] b, int i) {
        return (b[i + 3] & 0xff) << 24 | (b[i + 2] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | b[i] & 0xff;
    }

    public static int i32(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? i32be(b, i) : i32le(b, i);
    }

    public static int u16(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? u16be(b, i) : u16le(b, i);
    }

    public static long u32(byte[] b, int i, boolean bigEndian) {
        return i32(b, i, bigEndian) & 0xffffffffL;
    }
}
