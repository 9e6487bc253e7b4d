/**
 * Active, canary-verified tests of a suspected open proxy or open relay: port scan, proxy and relay protocols, verdicts and transcripts. Headless; the Probing perspective and the command line drive it.
 */
package org.proxyscope.probe;
