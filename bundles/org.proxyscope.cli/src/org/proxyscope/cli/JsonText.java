package org.proxyscope.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;

/**
 * The command line's JSON as scripts read it: indented two spaces, nulls written out, no HTML escaping.
 * Written through Gson's streaming writer: building a Gson instance first costs a one-shot command about
 * 60 ms of reflection while it sets up adapters that printing a tree never uses.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String pretty(JsonElement element) {
        return text(out -> write(element, out));
    }

    /** Something written to a Writer, such as a report's JSON. */
    @FunctionalInterface
    public interface Writing {
        void to(Writer out) throws IOException;
    }

    /** What {@code writing} writes, as one String. */
    public static String text(Writing writing) {
        StringWriter text = new StringWriter();
        try {
            writing.to(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Writes {@code element} as {@link #pretty} does, straight to {@code to}: a large result is never one String. */
    public static void write(JsonElement element, Writer to) throws IOException {
        JsonWriter out = writer(to);
        write(out, element);
        out.flush();
    }

    /** A streaming writer to {@code to} that writes as {@link #pretty} does, for output written item by item. */
    public static JsonWriter writer(Writer to) {
        JsonWriter out = new JsonWriter(new Blocks(to));
        out.setIndent("  ");
        out.setHtmlSafe(false);
        out.setSerializeNulls(true);
        return out;
    }

    private static void write(JsonWriter out, JsonElement element) throws IOException {
        if (element.isJsonNull()) {
            out.nullValue();
        } else if (element.isJsonArray()) {
            out.beginArray();
            for (JsonElement item : element.getAsJsonArray()) {
                write(out, item);
            }
            out.endArray();
        } else if (element.isJsonObject()) {
            out.beginObject();
            for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
                out.name(member.getKey());
                write(out, member.getValue());
            }
            out.endObject();
        } else {
            JsonPrimitive value = element.getAsJsonPrimitive();
            if (value.isBoolean()) {
                out.value(value.getAsBoolean());
            } else if (value.isNumber()) {
                out.value(value.getAsNumber());
            } else {
                out.value(value.getAsString());
            }
        }
    }

    /**
     * Gathers a JsonWriter's many small writes (a name, a quote, an indent) and passes them on in blocks. A
     * BufferedWriter takes a lock for each: about a tenth of a large import's time went to writing its JSON.
     * Flushing passes the block on; closing does not close {@code out}, which may be standard output.
     */
    private static final class Blocks extends Writer {

        private final Writer out;
        private final char[] block = new char[1 << 14];
        private int used;

        Blocks(Writer out) {
            this.out = out;
        }

        @Override
        public void write(int c) throws IOException {
            if (used == block.length) {
                pass();
            }
            block[used++] = (char) c;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (length > block.length - used) {
                pass();
                if (length > block.length) {
                    out.write(chars, offset, length);
                    return;
                }
            }
            System.arraycopy(chars, offset, block, used, length);
            used += length;
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (length > block.length - used) {
                pass();
                if (length > block.length) {
                    out.write(text, offset, length);
                    return;
                }
            }
            text.getChars(offset, offset + length, block, used);
            used += length;
        }

        private void pass() throws IOException {
            out.write(block, 0, used);
            used = 0;
        }

        @Override
        public void flush() throws IOException {
            pass();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
