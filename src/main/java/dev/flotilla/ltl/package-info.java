/**
 * Co-safe LTL task formulas of seed 003 (§2.1–2.2): {@link dev.flotilla.ltl.LtlCompiler} parses
 * ({@code syntax}), checks co-safety, builds the deterministic automaton of good prefixes
 * ({@code automaton}) and extracts R-posets ({@code poset}, Definitions 2 and 3).
 *
 * <p>Word semantics used throughout: a word is a sequence of letters, each the set of
 * propositions true at one instant; a finite word is accepted when it is a good prefix, i.e. every
 * infinite continuation satisfies the formula.
 *
 * <p>A conjunction is compiled group by group (conjuncts over disjoint propositions apart) and the
 * groups' R-posets are multiplied (Definition 3), so N eventualities cost N small automata instead
 * of one with 2^N states; every compilation has a budget of states, transitions and time and is
 * rejected with a sentence over it ({@link dev.flotilla.ltl.CompileLimits}).
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ltl.automaton}, {@code
 * dev.flotilla.ltl.poset}, {@code dev.flotilla.ltl.syntax}; nothing else. The sub-packages depend
 * downwards only: syntax ← automaton ← poset ← this package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ltl;
