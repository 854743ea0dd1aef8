package dev.flotilla.bag.io;

import java.io.Closeable;
import java.io.IOException;

/** Opening a storage reader in two steps without leaking it when the second step fails. */
public final class Resources {
  private Resources() {}

  /** A step that reads from an open resource. */
  @FunctionalInterface
  public interface IoStep {
    /**
     * Runs the step.
     *
     * @throws IOException when the resource is unreadable or damaged
     */
    void run() throws IOException;
  }

  /**
   * Runs {@code init} on a just-opened resource; if it fails, closes the resource and rethrows.
   *
   * @param resource the open resource
   * @param init what to read first (header, tables)
   * @return the resource, initialised
   * @throws IOException what {@code init} threw
   */
  public static <R extends Closeable> R initOrClose(R resource, IoStep init) throws IOException {
    try {
      init.run();
      return resource;
    } catch (IOException | RuntimeException e) {
      resource.close();
      throw e;
    }
  }
}
