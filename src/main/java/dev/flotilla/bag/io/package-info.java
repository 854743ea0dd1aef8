/**
 * Plumbing shared by the storage formats: look-ahead and mapping iterators, and opening a reader
 * without leaking it when its first read fails.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.io;
