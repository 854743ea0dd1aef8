/**
 * Flotilla's simulator and its headless demo: simulated robot bases that behave like robots
 * running Nav2 ({@link dev.flotilla.sim.SimulatedBase}, with Flotilla's real agent beside each in
 * {@link dev.flotilla.sim.SimulatedRobot}), the {@code flotilla sim} stand-in for Gazebo
 * ({@link dev.flotilla.sim.FleetSimulator}), and {@code flotilla demo}
 * ({@link dev.flotilla.sim.DemoRun}: wiring; {@link dev.flotilla.sim.DemoLoop}: the run loop on a
 * {@link dev.flotilla.sim.DemoClock}; {@link dev.flotilla.sim.FleetWatch}: the operator's view of
 * the fleet's topics, feeding the console lines and the HTML report).
 *
 * <p>An apps-layer package: it may depend on {@code model}, the algorithm packages (for the
 * report in {@code dev.flotilla.report}, resumes and LTL checks), {@code ros}, {@code node},
 * {@code msgs}, {@code security} and {@code bag}; only {@code cli} depends on it.
 */
package dev.flotilla.sim;
