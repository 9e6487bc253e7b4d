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
        StringWriter text = new StringWriter();
        try {
            write(element, text);
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
        JsonWriter out = new JsonWriter(to);
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
}
