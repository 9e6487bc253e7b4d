package org.proxyscope.plugins;

/** An install, uninstall or query of plug-ins that could not be done, with what went wrong and where. */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
