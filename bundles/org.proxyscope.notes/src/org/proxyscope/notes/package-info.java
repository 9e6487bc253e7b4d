/**
 * The analyst's notes on a case: Markdown, versioned on every save, linked to what the case holds, indexed
 * in the workspace-wide search in the transaction that saves them, and recorded in the custody log. Notes
 * marked for the report become its narrative through the report plug-in's section extension point.
 * Headless; the command line's {@code note} command and the Reporting perspective drive it.
 */
package org.proxyscope.notes;
