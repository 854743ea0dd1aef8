/**
 * Multi-agent planning under co-safe LTL tasks with action-path chains (seed 003, Liu, Li, Guo
 * 2024).
 *
 * <p>Pipeline: {@link dev.flotilla.plan.io.ScenarioLoader} reads the environment (Definition 4) and
 * agent models (Definition 5); {@link dev.flotilla.plan.task.LtlTaskCompiler} turns formulas into
 * an R-poset product and planner subtasks; {@link dev.flotilla.plan.chain.ChainLibrary} computes
 * action-path chains per agent type (Algorithm 1); {@link dev.flotilla.plan.BranchAndBoundPlanner}
 * plans offline (Section 3.2), {@link dev.flotilla.plan.SimulatedAnnealingReplanner} adds online
 * formulas (Algorithm 2) and {@link dev.flotilla.plan.sync.SyncEngine} synchronizes execution
 * (Section 4.2). {@link dev.flotilla.plan.PlanningSession} chains the steps; {@link
 * dev.flotilla.plan.PlanValidator} checks a plan and produces its word for replay through a
 * formula's automaton.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ltl}, {@code
 * dev.flotilla.ltl.automaton}, {@code dev.flotilla.ltl.poset}, {@code dev.flotilla.plan.chain},
 * {@code dev.flotilla.plan.model}, {@code dev.flotilla.plan.task}; nothing else. Checked by {@code
 * AlgorithmEdgesTest}.
 */
package dev.flotilla.plan;
