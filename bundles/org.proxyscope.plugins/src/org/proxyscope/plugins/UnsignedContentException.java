package org.proxyscope.plugins;

/** An install refused because nobody signed some of what it brings; it may be repeated with the analyst's yes. */
public final class UnsignedContentException extends PluginException {

    private static final long serialVersionUID = 1L;

    public UnsignedContentException(String message) {
        super(message);
    }
}
