/**
 * Renders decoded messages as compact JSON.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.json;
