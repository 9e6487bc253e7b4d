package org.proxyscope.plugins.internal.cli;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.plugins.Feature;

/** Features as the commands' JSON gives them, for scripts and for the workbench's Install New Software. */
final class FeatureJson {

    private FeatureJson() {
    }

    static JsonObject of(Feature f) {
        JsonObject o = new JsonObject();
        o.addProperty("id", f.id());
        o.addProperty("version", f.version());
        o.addProperty("name", f.name());
        o.addProperty("provider", f.provider());
        o.addProperty("origin", f.origin());
        if (!f.category().isEmpty()) {
            o.addProperty("category", f.category());
        }
        f.installed().ifPresent(v -> o.addProperty("installed", v));
        o.addProperty("description", f.description());
        o.addProperty("licence", f.licence());
        return o;
    }

    static JsonArray of(List<Feature> features) {
        JsonArray a = new JsonArray();
        features.forEach(f -> a.add(of(f)));
        return a;
    }
}
