package org.proxyscope.probe.ui.internal;

import java.util.Map;

import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeReport;

/** A finished run as the Probing views show it: the report, and where each finding's transcript was kept. */
record ProbeRun(ProbeReport report, Map<Finding, String> transcripts) {
}
