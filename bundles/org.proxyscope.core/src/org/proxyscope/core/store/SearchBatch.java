package org.proxyscope.core.store;

/**
 * Search entries made ready for the index ({@link WorkspaceStore#searchBatch}) ahead of the transaction that puts
 * them there ({@link CaseTransaction#index(String, SearchBatch)}): the work that needs no database, each address
 * repeated as a word and the entries put in the form the database takes, is done on the thread that made it, not
 * in the transaction. Only the workspace makes them.
 */
public interface SearchBatch {
}
