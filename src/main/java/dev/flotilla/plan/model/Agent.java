package dev.flotilla.plan.model;

/**
 * One agent n of the fleet.
 *
 * @param id index n, 0-based, dense over the fleet
 * @param name readable name, e.g. {@code volunteer-3}
 * @param type its agent model
 * @param start region where it starts
 */
public record Agent(int id, String name, AgentType type, String start) {}
