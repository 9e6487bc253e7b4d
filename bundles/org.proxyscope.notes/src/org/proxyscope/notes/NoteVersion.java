package org.proxyscope.notes;

import java.time.Instant;

/**
 * One saved state of a note: every save, restore and delete leaves one, so the history is whole.
 *
 * @param action {@code created}, {@code edited}, {@code restored from version N} or {@code deleted}
 */
public record NoteVersion(int note, int version, String title, String text, Instant saved, String author, String action) {
}
