/**
 * The operator's browser dashboard (issue 14): a live page served by the JDK's own
 * {@code com.sun.net.httpserver} — the map with robots and task sites, the plan as a Gantt chart,
 * events, robot and task tables, and forms that submit and cancel tasks and pause or resume
 * robots through the cockpit's {@code OperatorClient} (so signed exactly as the CLI signs).
 * Updates reach the page as server-sent events, one JSON snapshot per change, rate-limited. Every
 * asset is a resource of this package; nothing is fetched from elsewhere.
 *
 * <p>An apps-layer package beside {@code cockpit}: it may depend on {@code cockpit}, {@code model},
 * {@code ros}, {@code node} (topic names, fleet parameters) and {@code msgs}; only {@code cli}
 * depends on it. Nothing here plans or decides: the fleet's nodes do.
 */
package dev.flotilla.dashboard;
