package dev.flotilla.bag;

import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.sqlite.Db3Reader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Test helper: the serialized metadata rosbag2 stores inside a storage file. */
final class EmbeddedMetadata {
  private EmbeddedMetadata() {}

  static String of(BagReader bag) throws IOException {
    Path f = bag.files().get(0);
    if (bag.storage() == StorageId.MCAP) {
      try (McapReader r = McapReader.open(f)) {
        List<Metadata> md = r.metadata();
        return md.get(md.size() - 1).metadata().get("serialized_metadata");
      }
    }
    try (Db3Reader r = Db3Reader.open(f)) {
      return r.serializedMetadata();
    }
  }
}
