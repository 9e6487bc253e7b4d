package org.proxyscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/**
 * The command line's JSON as scripts read it: indented two spaces, nulls written out, no HTML escaping. Written
 * through {@link JsonStreamWriter}, which streams it item by item for large output: building a Gson instance
 * first costs a one-shot command about 60 ms of reflection while it sets up adapters that printing a tree never
 * uses.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String pretty(JsonElement element) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            JsonStreamWriter out = new JsonStreamWriter(bytes);
            write(element, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes {@code element} through {@code out}, as {@link #pretty} does; flushing is the caller's. */
    public static void write(JsonElement element, JsonStreamWriter out) throws IOException {
        if (element.isJsonNull()) {
            out.nullValue();
        } else if (element.isJsonArray()) {
            out.beginArray();
            for (JsonElement item : element.getAsJsonArray()) {
                write(item, out);
            }
            out.endArray();
        } else if (element.isJsonObject()) {
            out.beginObject();
            for (Map.Entry<String, JsonElement> member : element.getAsJsonObject().entrySet()) {
                out.name(member.getKey());
                write(member.getValue(), out);
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
}
