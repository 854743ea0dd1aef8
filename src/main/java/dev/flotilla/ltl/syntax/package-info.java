/**
 * LTL formula syntax: the parser, the formula tree and printer, and the syntactic co-safety check
 * (§2.1 of seed 003).
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ltl.syntax;
