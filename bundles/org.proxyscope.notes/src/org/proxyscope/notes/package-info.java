/**
 * The analyst's notes on a case, versioned and recorded in the case's custody log. Headless; the Reporting perspective drives it.
 */
package org.proxyscope.notes;
