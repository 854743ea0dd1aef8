package dev.flotilla.plan;

/**
 * Pre-computed numbers of one action-path chain, for the planners' timing and objective (Eq. (2)
 * of seed 003).
 *
 * @param regions region index per step
 * @param durations work d_act per step, seconds
 * @param resourceKey resource key per step (-1 if nothing consumed)
 * @param resourceCost c_r of the chain
 * @param internalTravel metres between consecutive steps
 */
record ChainInfo(
    int[] regions,
    double[] durations,
    int[] resourceKey,
    double resourceCost,
    double internalTravel) {}
