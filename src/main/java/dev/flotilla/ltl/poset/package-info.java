/**
 * R-posets of seed 003 (Definition 2: subtasks with guards σ and σ^s, order ≼ and conflicts ≠)
 * extracted from the good-prefix automaton by two extractors (downset dynamic programming, the
 * default, and path grouping), and their product (Definition 3).
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ltl.automaton}; nothing else. Checked
 * by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ltl.poset;
