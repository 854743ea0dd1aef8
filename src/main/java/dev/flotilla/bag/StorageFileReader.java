package dev.flotilla.bag;

import dev.flotilla.bag.io.MappedIterator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One storage file of a bag, whatever its format. */
interface StorageFileReader extends Closeable {
  Path file();

  List<BagTopic> topics();

  /** Message count and time range per topic name. */
  Map<String, TopicStats> stats() throws IOException;

  /** Messages in log-time order (file order when the file has no index). */
  Iterator<BagMessage> messages(BagFilter filter) throws IOException;

  /**
   * The same messages as {@link #messages} without copying payloads where the storage allows it;
   * by default each message's array is wrapped.
   */
  default Iterator<BagMessageView> views(BagFilter filter) throws IOException {
    return new MappedIterator<>(messages(filter), m -> new BagMessageView(m.topic(), m.type(),
        ByteBuffer.wrap(m.data()).asReadOnlyBuffer(), m.logTimeNanos(),
        m.publishTimeNanos()));
  }

  static StorageFileReader open(Path file, StorageId storage) throws IOException {
    return storage == StorageId.MCAP ? McapFileReader.open(file) : Db3FileReader.open(file);
  }
}
