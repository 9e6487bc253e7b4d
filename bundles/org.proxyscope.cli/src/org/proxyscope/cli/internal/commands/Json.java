package org.proxyscope.cli.internal.commands;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.ScopeEntry;
import org.proxyscope.core.model.VerificationReport;

/** The JSON forms of the command line's results: stable field names that scripts rely on. */
final class Json {

    private Json() {
    }

    static JsonObject of(Case c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id().toString());
        o.addProperty("title", c.title());
        o.addProperty("target", c.target().name());
        JsonArray scope = new JsonArray();
        for (ScopeEntry e : c.scope().entries()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("host", e.host().name());
            entry.addProperty("ports", e.ports().toString());
            scope.add(entry);
        }
        o.add("scope", scope);
        o.addProperty("customer", c.customerReference());
        o.addProperty("analyst", c.analyst());
        o.addProperty("severity", c.severity().word());
        o.add("tags", strings(c.tags()));
        o.addProperty("status", c.status().word());
        o.addProperty("archived", c.archived());
        o.addProperty("created", c.created().toString());
        o.addProperty("updated", c.updated().toString());
        return o;
    }

    static JsonObject of(Evidence e) {
        JsonObject o = new JsonObject();
        o.addProperty("number", e.number());
        o.addProperty("sha256", e.sha256());
        o.addProperty("size", e.size());
        o.addProperty("original_name", e.originalName());
        o.addProperty("original_path", e.originalPath());
        o.addProperty("source", e.source());
        o.addProperty("added_by", e.addedBy());
        o.addProperty("added", e.added().toString());
        o.addProperty("stored_as", e.storedAs());
        o.addProperty("purged", e.purged().map(Object::toString).orElse(null));
        o.addProperty("purge_reason", e.purgeReason());
        return o;
    }

    static JsonObject of(CustodyEntry e) {
        JsonObject o = new JsonObject();
        o.addProperty("seq", e.sequence());
        o.addProperty("at", e.at().toString());
        o.addProperty("analyst", e.analyst());
        o.addProperty("action", e.actionWord());
        o.addProperty("details", e.details());
        o.addProperty("hash", e.hash());
        return o;
    }

    static JsonObject of(VerificationReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("case", r.caseId().toString());
        o.addProperty("intact", r.intact());
        o.addProperty("evidence_checked", r.evidenceChecked());
        o.addProperty("custody_entries_checked", r.custodyEntriesChecked());
        o.add("problems", strings(r.problems()));
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
