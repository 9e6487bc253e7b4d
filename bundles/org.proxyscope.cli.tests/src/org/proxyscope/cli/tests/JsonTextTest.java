package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxyscope.cli.JsonStreamWriter;
import org.proxyscope.cli.JsonText;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

class JsonTextTest {

    /** What scripts rely on: two-space indent, nulls kept, markup and quotes as JSON needs them and no more. */
    @Test
    void printsIndentedWithNullsAndWithoutHtmlEscapes() {
        JsonObject o = new JsonObject();
        o.addProperty("detail", "HTTP/1.1 403 <Forbidden> & \"denied\"");
        o.addProperty("port", 3128);
        o.addProperty("open", false);
        o.addProperty("transcript", (String) null);
        JsonArray tags = new JsonArray();
        tags.add("squid");
        tags.add(1.5);
        o.add("tags", tags);
        o.add("empty", new JsonObject());
        String text = JsonText.pretty(o);
        assertEquals("""
                {
                  "detail": "HTTP/1.1 403 <Forbidden> & \\"denied\\"",
                  "port": 3128,
                  "open": false,
                  "transcript": null,
                  "tags": [
                    "squid",
                    1.5
                  ],
                  "empty": {}
                }""", text);
        assertEquals(o, JsonParser.parseString(text));
    }

    /** Every kind of character JSON treats apart, and strings longer than the writer's buffer. */
    private static final List<String> STRINGS = List.of("", "item 7", "HTTP/1.1 403 <Forbidden> & \"denied\" = 'no'",
            "C:\\proxy\\wingate.exe", "tab\tback\bnew\nreturn\rfeed\f", "\u0000\u0001\u001f\u007f end",
            "caf\u00e9 \u4e2d\u6587 \u2028 \u2029 \ud83d\udce7 lone \ud83d and \udce7", "x".repeat(70_000),
            "\u00e9\u4e2d".repeat(40_000) + "\"");

    /** The same calls, made on Gson's streaming writer and on the command line's. */
    private interface Writing<W> {
        void beginObject(W w) throws IOException;
        void endObject(W w) throws IOException;
        void beginArray(W w) throws IOException;
        void endArray(W w) throws IOException;
        void name(W w, String name) throws IOException;
        void string(W w, String value) throws IOException;
        void number(W w, long value) throws IOException;
        void number(W w, Number value) throws IOException;
        void bool(W w, boolean value) throws IOException;
    }

    private static <W> void writeAll(Writing<W> on, W w) throws IOException {
        on.beginObject(w);
        on.name(w, "empty object");
        on.beginObject(w);
        on.endObject(w);
        on.name(w, "empty array");
        on.beginArray(w);
        on.endArray(w);
        on.name(w, "strings");
        on.beginArray(w);
        for (String s : STRINGS) {
            on.beginObject(w);
            on.name(w, s);
            on.string(w, s);
            on.name(w, "length");
            on.number(w, s.length());
            on.endObject(w);
        }
        on.string(w, null);
        on.endArray(w);
        on.name(w, "numbers");
        on.beginArray(w);
        for (long n : new long[] { Long.MIN_VALUE, -1_234_567_890_123L, -10, -9, -1, 0, 1, 9, 10, 99, 100, Long.MAX_VALUE }) {
            on.number(w, n);
        }
        on.number(w, 1.5);
        on.number(w, (Number) null);
        on.bool(w, true);
        on.bool(w, false);
        on.beginArray(w);
        on.beginArray(w);
        on.endArray(w);
        on.endArray(w);
        on.endArray(w);
        on.endObject(w);
    }

    private static final Writing<JsonWriter> GSON = new Writing<>() {
        public void beginObject(JsonWriter w) throws IOException { w.beginObject(); }
        public void endObject(JsonWriter w) throws IOException { w.endObject(); }
        public void beginArray(JsonWriter w) throws IOException { w.beginArray(); }
        public void endArray(JsonWriter w) throws IOException { w.endArray(); }
        public void name(JsonWriter w, String name) throws IOException { w.name(name); }
        public void string(JsonWriter w, String value) throws IOException { w.value(value); }
        public void number(JsonWriter w, long value) throws IOException { w.value(value); }
        public void number(JsonWriter w, Number value) throws IOException { w.value(value); }
        public void bool(JsonWriter w, boolean value) throws IOException { w.value(value); }
    };

    private static final Writing<JsonStreamWriter> OURS = new Writing<>() {
        public void beginObject(JsonStreamWriter w) throws IOException { w.beginObject(); }
        public void endObject(JsonStreamWriter w) throws IOException { w.endObject(); }
        public void beginArray(JsonStreamWriter w) throws IOException { w.beginArray(); }
        public void endArray(JsonStreamWriter w) throws IOException { w.endArray(); }
        public void name(JsonStreamWriter w, String name) throws IOException { w.name(name); }
        public void string(JsonStreamWriter w, String value) throws IOException { w.value(value); }
        public void number(JsonStreamWriter w, long value) throws IOException { w.value(value); }
        public void number(JsonStreamWriter w, Number value) throws IOException { w.value(value); }
        public void bool(JsonStreamWriter w, boolean value) throws IOException { w.value(value); }
    };

    /** Byte for byte what Gson's own writer writes with the command line's settings, in UTF-8. */
    @Test
    void theStreamingWriterWritesWhatGsonsWriterWrites() throws Exception {
        ByteArrayOutputStream gson = new ByteArrayOutputStream();
        Writer utf8 = new OutputStreamWriter(gson, StandardCharsets.UTF_8);
        JsonWriter reference = new JsonWriter(utf8);
        reference.setIndent("  ");
        reference.setHtmlSafe(false);
        reference.setSerializeNulls(true);
        writeAll(GSON, reference);
        reference.flush();

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        JsonStreamWriter writer = new JsonStreamWriter(ours);
        writeAll(OURS, writer);
        writer.flush();

        assertTrue(gson.size() > 3 * (1 << 16), "longer than the writer's buffer");
        assertArrayEquals(gson.toByteArray(), ours.toByteArray());
    }

    /** For a terminal that is not UTF-8: nothing past ASCII, and every string as it was, lone surrogates too. */
    @Test
    void asciiOutputEscapesTheRestAndKeepsEveryString() throws Exception {
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        JsonStreamWriter writer = new JsonStreamWriter(ascii, true);
        writeAll(OURS, writer);
        writer.flush();

        for (byte b : ascii.toByteArray()) {
            assertTrue(b >= 0, "ASCII only");
        }
        String text = ascii.toString(StandardCharsets.US_ASCII);
        assertTrue(text.contains("caf\\u00e9 \\u4e2d\\u6587 \\u2028"), "escaped, in Gson's lower-case hex");
        JsonArray strings = JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("strings");
        for (int i = 0; i < STRINGS.size(); i++) {
            JsonObject item = strings.get(i).getAsJsonObject();
            assertTrue(item.get(STRINGS.get(i)).getAsString().equals(STRINGS.get(i)), "string " + i + " read back as it was");
        }
    }

    @Test
    void numbersJsonCannotHoldAreRefused() {
        JsonStreamWriter writer = new JsonStreamWriter(OutputStream.nullOutputStream());
        assertThrows(IllegalArgumentException.class, () -> writer.value(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> writer.value(Double.NEGATIVE_INFINITY));
    }
}
