/**
 * Heterogeneous multi-robot task allocation by potential games (seed 001): the initial allocation
 * of §2 (Algorithm 1's single-task game, Eqs. 14–20; §2.2's conflict elimination; Algorithm 2's
 * weights, Eq. 21) and reallocation of §3 (local re-insertion scored by Δu_g^E, Eq. 22, or a global
 * re-plan), with greedy and exhaustive baselines. The game runs in a fast mode that gives the
 * reference allocation ({@code CrewBound}, {@code FastWeights}); {@code LocalSearch} is an
 * optional improvement pass beyond the paper.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.alloc.api}, {@code
 * dev.flotilla.alloc.travel}, {@code dev.flotilla.model}; nothing else. Checked by {@code
 * AlgorithmEdgesTest}.
 */
package dev.flotilla.alloc;
