package dev.flotilla.node;

/** A Flotilla node as its host ({@code flotilla node}, {@code flotilla up}, tests) sees it. */
public interface FlotillaNode {

  /** @return the node's name */
  String name();

  /** Creates publishers and subscriptions. Called once, before any {@link #tick()}. */
  void start();

  /**
   * @return seconds between two {@link #tick()} calls; 0 when the node needs no periodic work
   */
  default double tickPeriod() {
    return 0;
  }

  /** Periodic work, run on the node's executor. */
  default void tick() {}

  /** Releases what {@link #start()} acquired besides the bus (threads); called once on stop. */
  default void close() {}
}
