/**
 * Offline planning ({@code flotilla plan PROBLEM.yaml}): reads a planning problem from a file (a
 * fleet with URDFs or resumes, multi-robot tasks, LTL formulas over a seed 003 scenario), runs
 * the allocator's and the planner's own fleet-layer sessions on it without DDS, and writes the
 * plan as text, JSON or an HTML report. The problem's parameters have the nodes' names, ranges
 * and defaults (the defaults are taken from the nodes' parameter readers), so a plan made here is
 * the plan the running nodes would make from the same input.
 *
 * <p>An apps-layer package, beside {@code sim}: it may depend on {@code model}, the algorithm
 * packages ({@code alloc}, {@code plan}, {@code resume}, {@code urdf}, {@code report}),
 * {@code fleet}, and {@code node}/{@code ros} for the parameter defaults and name rules; only
 * {@code cli} depends on it.
 */
package dev.flotilla.problem;
