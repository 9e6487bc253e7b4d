package org.proxyscope.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a workspace lives: a folder on this machine (its database and evidence inside), or a team workspace,
 * whose cases are in a PostgreSQL database the desk shares and whose evidence files are in a folder every
 * analyst mounts. A team workspace is written as PostgreSQL's own tools write a server, with the evidence folder
 * as a parameter: {@code postgresql://user@host:port/database?evidence=/mnt/evidence}, and
 * {@code &sslmode=require} (or {@code verify-full}) for TLS.
 */
public sealed interface WorkspaceLocation {

    /** The prefix that makes a workspace a team workspace. */
    String TEAM_SCHEME = "postgresql://";

    /** A workspace in a folder. */
    record Folder(Path folder) implements WorkspaceLocation {

        @Override
        public String toString() {
            return folder.toString();
        }
    }

    /**
     * A team workspace. The password is not part of it: it comes from {@code PGPASSWORD}, {@code ~/.pgpass} or the
     * workbench's secure storage, never from a command line that {@code ps} shows.
     */
    record Team(String host, int port, String database, String user, Path evidence, Optional<String> sslMode)
            implements WorkspaceLocation {

        public static final int DEFAULT_PORT = 5432;

        /** The address as the analyst writes it, without a password. */
        @Override
        public String toString() {
            return TEAM_SCHEME + user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
                    + "?evidence=" + evidence + sslMode.map(m -> "&sslmode=" + m).orElse("");
        }

        /** The JDBC address of the database, without user and password. */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
        }
    }

    /**
     * Reads a workspace as the analyst gave it: a team workspace's address, or else a folder.
     *
     * @throws IllegalArgumentException saying what is wrong with a team workspace's address
     */
    static WorkspaceLocation parse(String text) {
        if (!text.regionMatches(true, 0, TEAM_SCHEME, 0, TEAM_SCHEME.length())) {
            return new Folder(Path.of(text));
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(text + " is not a team workspace address: " + e.getReason()
                    + " (write postgresql://user@host:port/database?evidence=/shared/folder)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(text + " names no server (write postgresql://user@host:port/database?evidence=/shared/folder)");
        }
        String user = uri.getRawUserInfo();
        if (user == null || user.isEmpty()) {
            user = System.getProperty("user.name"); // as psql does
        } else if (user.contains(":")) {
            throw new IllegalArgumentException("Leave the password out of " + TEAM_SCHEME + "…: it would show in the process list."
                    + " Put it in PGPASSWORD or ~/.pgpass");
        } else {
            user = URLDecoder.decode(user, StandardCharsets.UTF_8);
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException(text + " names no database (write postgresql://user@host:port/database?evidence=/shared/folder)");
        }
        Map<String, String> parameters = parameters(uri.getRawQuery());
        String evidence = parameters.remove("evidence");
        if (evidence == null || evidence.isBlank() || !Path.of(evidence).isAbsolute()) {
            throw new IllegalArgumentException(text + " names no evidence folder: add ?evidence= and the absolute path of the folder"
                    + " every analyst mounts (e.g. ?evidence=/mnt/evidence)");
        }
        String sslMode = parameters.remove("sslmode");
        if (sslMode != null && !sslMode.matches("disable|allow|prefer|require|verify-ca|verify-full")) {
            throw new IllegalArgumentException("sslmode=" + sslMode + " is not one of disable, allow, prefer, require, verify-ca, verify-full");
        }
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException(text + ": unknown parameter " + parameters.keySet().iterator().next()
                    + " (a team workspace takes evidence and sslmode)");
        }
        return new Team(host.replace("[", "").replace("]", ""), uri.getPort() < 0 ? Team.DEFAULT_PORT : uri.getPort(), database, user,
                Path.of(evidence).normalize(), Optional.ofNullable(sslMode));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
