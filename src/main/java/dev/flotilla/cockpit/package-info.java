/**
 * The operator's cockpit (issue 14): a small API over the fleet's DDS topics that the
 * {@code flotilla task|fleet|robot|plan|watch} commands use now and a browser dashboard can use
 * later. {@link dev.flotilla.cockpit.OperatorClient} sends signed task requests and operator
 * commands (cancel, pause, resume) and waits for the fleet's verdict;
 * {@link dev.flotilla.cockpit.FleetObserver} follows the allocation, heartbeats and events and
 * keeps an immutable {@link dev.flotilla.cockpit.FleetSnapshot} of robots, tasks, the plan per
 * robot and the last events, with listeners. {@link dev.flotilla.cockpit.SnapshotText} and
 * {@link dev.flotilla.cockpit.SnapshotJson} render a snapshot for a terminal or a program.
 *
 * <p>An apps-layer package beside {@code sim} and {@code bench}: it may depend on {@code model},
 * the algorithm packages (the LTL parser, to refuse a bad formula before anything is sent),
 * {@code ros}, {@code node} (topic catalogue and QoS), {@code msgs} and {@code security}; only
 * {@code cli} depends on it. Nothing here plans: the planner and allocator decide, the cockpit
 * asks and watches.
 */
package dev.flotilla.cockpit;
