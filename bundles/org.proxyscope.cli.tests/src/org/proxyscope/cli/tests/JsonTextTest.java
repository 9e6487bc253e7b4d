package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proxyscope.cli.JsonStreamWriter;
import org.proxyscope.cli.JsonText;

import com.google.gson.GsonBuilder;
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

    private static final long[] LONGS = { Long.MIN_VALUE, -1_234_567_890_123L, -10, -9, -1, 0, 1, 9, 10, 99, 100, Long.MAX_VALUE };

    /** A tree with each string as a name and as a value, numbers, nulls, booleans and empty and nested containers. */
    private static JsonObject tree() {
        JsonObject o = new JsonObject();
        o.add("empty object", new JsonObject());
        o.add("empty array", new JsonArray());
        JsonArray strings = new JsonArray();
        for (String text : STRINGS) {
            JsonObject item = new JsonObject();
            item.addProperty(text, text);
            item.addProperty("length", text.length());
            strings.add(item);
        }
        strings.add((String) null);
        o.add("strings", strings);
        JsonArray numbers = new JsonArray();
        for (long n : LONGS) {
            numbers.add(n);
        }
        numbers.add(1.5);
        numbers.add(true);
        numbers.add(false);
        JsonArray nested = new JsonArray();
        nested.add(new JsonArray());
        numbers.add(nested);
        o.add("numbers", numbers);
        return o;
    }

    /** Byte for byte what Gson's own writer writes with the command line's settings, in UTF-8. */
    @Test
    void theStreamingWriterWritesWhatGsonsWriterWrites() throws Exception {
        ByteArrayOutputStream gson = new ByteArrayOutputStream();
        Writer utf8 = new OutputStreamWriter(gson, StandardCharsets.UTF_8);
        JsonWriter reference = new JsonWriter(utf8);
        reference.setIndent("  ");
        new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(tree(), reference);
        reference.flush();

        byte[] ours = JsonText.pretty(tree()).getBytes(StandardCharsets.UTF_8);

        assertTrue(gson.size() > 3 * (1 << 16), "longer than the writer's buffer");
        assertArrayEquals(gson.toByteArray(), ours);
    }

    /** Whole numbers are written digit by digit in place, as Long.toString writes them. */
    @Test
    void wholeNumbersOfEveryLength() throws Exception {
        for (long n : LONGS) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonStreamWriter writer = new JsonStreamWriter(bytes);
            writer.beginArray().value(n).endArray().flush();
            assertEquals("[\n  " + n + "\n]", bytes.toString(StandardCharsets.US_ASCII));
        }
    }

    /** For a terminal that is not UTF-8: nothing past ASCII, and every string as it was, lone surrogates too. */
    @Test
    void asciiOutputEscapesTheRestAndKeepsEveryString() throws Exception {
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        JsonStreamWriter writer = new JsonStreamWriter(ascii, true);
        JsonText.write(tree(), writer);
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

    /**
     * A branch writes the second half of an array and what follows it, longer than the writer's buffer, while the
     * writer writes the first half: appended, the bytes are those of one writer writing it all in order, in UTF-8 or
     * (for a terminal that is not UTF-8) in ASCII alike.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBranchAppendedWritesWhatOneWriterWould(boolean ascii) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        JsonStreamWriter one = new JsonStreamWriter(whole, ascii);
        one.beginObject().name("items").beginArray();
        items(one, 0, 40);
        one.endArray().name("after").value("the end").endObject().flush();

        ByteArrayOutputStream halves = new ByteArrayOutputStream();
        JsonStreamWriter first = new JsonStreamWriter(halves, ascii);
        first.beginObject().name("items").beginArray();
        JsonStreamWriter second = first.branch();
        items(second, 20, 40);
        second.endArray().name("after").value("the end").endObject();
        items(first, 0, 20);
        first.append(second).flush();

        assertTrue(whole.size() > 3 * (1 << 16), "longer than the writer's buffer");
        assertEquals(whole.toString(StandardCharsets.UTF_8), halves.toString(StandardCharsets.UTF_8));
        assertEquals(ascii, halves.toString(StandardCharsets.UTF_8).contains("\\u4e2d"), "the branch escapes as its writer does");
    }

    /**
     * An array written in many parts, every other one in a branch of a branch made once (as a second thread makes
     * them), each part longer than a buffer: the bytes are those of one writer, and a branch is appended once only.
     */
    @Test
    void branchesAppendedInTurnWriteWhatOneWriterWould() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        JsonStreamWriter one = new JsonStreamWriter(whole);
        one.beginObject().name("items").beginArray();
        items(one, 0, 120);
        one.endArray().endObject().flush();

        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        JsonStreamWriter writer = new JsonStreamWriter(parts);
        writer.beginObject().name("items").beginArray();
        JsonStreamWriter inTheArray = writer.branch();
        JsonStreamWriter spent = null;
        for (int from = 0; from < 120; from += 40) {
            items(writer, from, from + 20);
            JsonStreamWriter branch = inTheArray.branch();
            items(branch, from + 20, from + 40);
            writer.append(branch);
            spent = branch;
        }
        writer.endArray().endObject().flush();

        assertTrue(whole.size() > 6 * (1 << 16), "each part longer than the writer's buffer");
        assertEquals(whole.toString(StandardCharsets.UTF_8), parts.toString(StandardCharsets.UTF_8));
        JsonStreamWriter appended = spent;
        assertThrows(IllegalStateException.class, () -> writer.append(appended));
    }

    /** A string written in parts reads as the string they make, escapes and numbers alike, in UTF-8 or ASCII. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStringInPartsIsTheStringTheyMake(boolean ascii) throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        JsonStreamWriter one = new JsonStreamWriter(whole, ascii);
        one.beginArray().value("[2001:db8::1]:" + 40_000).value("caf\u00e9 \"quoted\"" + -7 + "\u4e2d" + Long.MIN_VALUE).value("").endArray().flush();

        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        JsonStreamWriter writer = new JsonStreamWriter(parts, ascii);
        writer.beginArray().beginString().part("[2001:db8::1]:").part(40_000).endString();
        writer.beginString().part("caf\u00e9 \"quoted\"").part(-7).part("\u4e2d").part(Long.MIN_VALUE).endString();
        writer.beginString().endString().endArray().flush();

        assertEquals(whole.toString(StandardCharsets.UTF_8), parts.toString(StandardCharsets.UTF_8));
        JsonArray read = JsonParser.parseString(parts.toString(StandardCharsets.UTF_8)).getAsJsonArray();
        assertEquals("[2001:db8::1]:40000", read.get(0).getAsString());
        assertEquals("caf\u00e9 \"quoted\"-7\u4e2d" + Long.MIN_VALUE, read.get(1).getAsString());
    }

    /** A branch's items follow one written here: appending it where nothing was written would drop the comma. */
    @Test
    void aBranchAppendedBeforeAnyItemIsRefused() throws Exception {
        JsonStreamWriter writer = new JsonStreamWriter(OutputStream.nullOutputStream()).beginArray();
        JsonStreamWriter branch = writer.branch();
        branch.value(1);
        assertThrows(IllegalStateException.class, () -> writer.append(branch));
        assertThrows(IllegalArgumentException.class, () -> writer.value(0).append(new JsonStreamWriter(OutputStream.nullOutputStream())));
    }

    private static void items(JsonStreamWriter o, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            o.beginObject().name("n").value(i).name("text").value(STRINGS.get(i % STRINGS.size())).name("list").beginArray()
                    .value(i % 2 == 0).nullValue().endArray().endObject();
        }
    }

    @Test
    void numbersJsonCannotHoldAreRefused() {
        JsonStreamWriter writer = new JsonStreamWriter(OutputStream.nullOutputStream());
        assertThrows(IllegalArgumentException.class, () -> writer.value(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> writer.value(Double.NEGATIVE_INFINITY));
    }
}
