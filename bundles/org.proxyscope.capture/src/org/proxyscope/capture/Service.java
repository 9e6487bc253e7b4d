package org.proxyscope.capture;

/** What a flow carried, recognised by its content on both sides, never by its port alone. */
public enum Service {
    UNKNOWN(""),
    HTTP("http"),
    HTTP_CONNECT("http-connect"),
    HTTP_FORWARD("http-forward"),
    SOCKS4("socks4"),
    SOCKS5("socks5"),
    WINGATE("wingate"),
    SMTP("smtp"),
    TLS("tls");

    private final String word;

    Service(String word) {
        this.word = word;
    }

    /** The word the command line, the JSON and the flow filter use. */
    public String word() {
        return word;
    }

    public boolean proxy() {
        return this == HTTP_CONNECT || this == HTTP_FORWARD || this == SOCKS4 || this == SOCKS5 || this == WINGATE;
    }
}
