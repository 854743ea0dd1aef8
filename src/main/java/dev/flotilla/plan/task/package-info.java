/**
 * From LTL task formulas to planner subtasks (Sections 2.2 and 3.1 of seed 003): compiles formulas,
 * multiplies their R-posets (Definition 3) and converts the product into subtask specifications
 * with order and conflict relations.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ltl}, {@code dev.flotilla.ltl.poset},
 * {@code dev.flotilla.plan.model}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.plan.task;
