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
}
