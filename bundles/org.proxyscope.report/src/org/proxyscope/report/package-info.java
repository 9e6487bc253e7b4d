/**
 * Turns a case, its findings, evidence hashes and custody log into a PDF report. Headless; the Reporting perspective and the command line drive it.
 */
package org.proxyscope.report;
