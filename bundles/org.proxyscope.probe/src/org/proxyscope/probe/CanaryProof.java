package org.proxyscope.probe;

import java.time.Instant;

/**
 * What proves a relay: the probe's token reached the canary through the target.
 *
 * @param token the probe's fresh random token ({@code pxc-...}), or the external canary's text
 * @param from  where it arrived from: the address that connected to the canary (the target's side of the
 *              relay), or the external URL whose text came back
 * @param at    when it arrived (UTC)
 * @param how   the proof in words, for the analyst and the report
 */
public record CanaryProof(String token, String from, Instant at, String how) {
}
