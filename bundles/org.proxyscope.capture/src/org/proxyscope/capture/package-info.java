/**
 * Reads pcap and pcapng captures and netstat listings from a customer's line, finds proxy sessions and the mail that went through them. Headless; the Capture perspective and the command line drive it.
 */
package org.proxyscope.capture;
