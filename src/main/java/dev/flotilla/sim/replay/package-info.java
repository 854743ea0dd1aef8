/**
 * Deterministic sessions without DDS: {@link dev.flotilla.sim.replay.SimulatedSession} records a
 * demo session in simulated time into a bag, and {@link dev.flotilla.sim.replay.ReplayHarness}
 * replays a bag's inputs through the planner, allocator and synchronizer on an in-memory bus,
 * collecting their decisions as stable JSON lines ({@code flotilla bag replay}, the golden test).
 *
 * <p>An apps-layer package: it may depend on {@code dev.flotilla.sim}, {@code node}, {@code ros},
 * {@code msgs}, {@code bag}, {@code cdr} and {@code model}; only {@code cli} depends on it.
 */
package dev.flotilla.sim.replay;
