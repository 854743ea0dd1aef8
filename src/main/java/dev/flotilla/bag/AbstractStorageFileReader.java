package dev.flotilla.bag;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every storage file reader keeps: the file, its topics as found on opening, and the
 * format-specific reader to close.
 */
abstract class AbstractStorageFileReader implements StorageFileReader {
  private final Path file;
  private final List<BagTopic> topics;
  private final Closeable storage;

  AbstractStorageFileReader(Path file, List<BagTopic> topics, Closeable storage) {
    this.file = file;
    this.topics = topics;
    this.storage = storage;
  }

  @Override
  public final Path file() {
    return file;
  }

  @Override
  public final List<BagTopic> topics() {
    return topics;
  }

  @Override
  public final void close() throws IOException {
    storage.close();
  }
}
