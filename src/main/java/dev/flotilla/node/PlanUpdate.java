package dev.flotilla.node;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;

/**
 * A new plan version as the allocator publishes it.
 *
 * @param allocation the full plan
 * @param reassignment what changed from the previous version
 */
public record PlanUpdate(Allocation allocation, Reassignment reassignment) {}
