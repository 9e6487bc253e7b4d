package org.proxyscope.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.proxyscope.cli.JsonText;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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

    /** Output larger than the writer's blocks, with values longer than a block, arrives whole and in order. */
    @Test
    void largeOutputArrivesWholeThroughTheStreamingWriter() throws Exception {
        JsonArray items = new JsonArray();
        for (int i = 0; i < 3000; i++) {
            JsonObject item = new JsonObject();
            item.addProperty("n", i);
            item.addProperty("text", i % 1000 == 7 ? "\u00e9\u4e2d".repeat(20_000) : "item " + i);
            items.add(item);
        }
        java.io.StringWriter streamed = new java.io.StringWriter();
        com.google.gson.stream.JsonWriter out = JsonText.writer(streamed);
        out.beginArray();
        for (var item : items) {
            out.beginObject();
            out.name("n").value(item.getAsJsonObject().get("n").getAsInt());
            out.name("text").value(item.getAsJsonObject().get("text").getAsString());
            out.endObject();
        }
        out.endArray();
        out.flush();
        assertEquals(JsonText.pretty(items), streamed.toString());
        assertEquals(items, JsonParser.parseString(streamed.toString()));
    }
}
