/**
 * The deterministic automaton of good prefixes of a co-safe formula (B_φ of Definition 1 of seed
 * 003) by formula progression, its HOA export, and finite-word helpers.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ltl.syntax}; nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ltl.automaton;
