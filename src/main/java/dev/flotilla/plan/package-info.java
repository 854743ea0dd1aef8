/**
 * Multi-agent planning under co-safe LTL tasks with action-path chains (seed 003, Liu, Li, Guo
 * 2024).
 *
 * <p>Pipeline: {@link dev.flotilla.plan.io.ScenarioLoader} reads the environment (Definition 4) and
 * agent models (Definition 5); {@link dev.flotilla.plan.task.LtlTaskCompiler} turns formulas into
 * an R-poset product and planner subtasks; {@link dev.flotilla.plan.chain.ChainLibrary} computes
 * action-path chains per agent type (Algorithm 1); {@link dev.flotilla.plan.BranchAndBoundPlanner}
 * plans offline (Section 3.2), {@link dev.flotilla.plan.CpSatPlanner} plans the same problem as a
 * CP-SAT model with a proven lower bound (OR-Tools; beyond the paper), {@link
 * dev.flotilla.plan.CpSatBranchAndBoundPlanner} lets the two seed each other, {@link
 * dev.flotilla.plan.SimulatedAnnealingReplanner} adds online formulas (Algorithm 2), {@link
 * dev.flotilla.plan.CpSatReplanner} re-solves the work not started from Algorithm 2's insertion, and {@link dev.flotilla.plan.sync.SyncEngine} synchronizes execution
 * (Section 4.2). {@link dev.flotilla.plan.PlanningSession} chains the steps; {@link
 * dev.flotilla.plan.PlanValidator} checks a plan and produces its word for replay through a
 * formula's automaton.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ltl}, {@code
 * dev.flotilla.ltl.automaton}, {@code dev.flotilla.ltl.poset}, {@code dev.flotilla.plan.chain},
 * {@code dev.flotilla.plan.model}, {@code dev.flotilla.plan.task}; nothing else. Checked by {@code
 * AlgorithmEdgesTest}. Outside Flotilla: OR-Tools ({@code com.google.ortools}) for CP-SAT.
 */
package dev.flotilla.plan;
