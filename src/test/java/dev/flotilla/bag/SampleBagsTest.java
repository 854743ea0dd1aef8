package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.meta.TopicMessageCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every sample bag written by rosbag2 opens and its messages match its metadata.yaml. */
class SampleBagsTest {

  static List<Path> bagDirs() throws IOException {
    try (Stream<Path> s = Files.walk(SampleBags.root())) {
      return s.filter(p -> p.getFileName().toString().equals("metadata.yaml"))
          .map(Path::getParent).sorted().toList();
    }
  }

  static Map<String, Long> countByReading(BagReader bag) throws IOException {
    Map<String, Long> n = new TreeMap<>();
    long last = Long.MIN_VALUE;
    for (Iterator<BagMessage> it = bag.messages(BagFilter.all()); it.hasNext(); ) {
      BagMessage m = it.next();
      assertTrue(m.logTimeNanos() >= last, "messages must come in log-time order");
      last = m.logTimeNanos();
      assertEquals(bag.typeOf(m.topic()), m.type());
      n.merge(m.topic(), 1L, Long::sum);
    }
    return n;
  }

  static Map<String, Long> expected(BagMetadata md) {
    Map<String, Long> n = new TreeMap<>();
    for (TopicMessageCount t : md.topics()) {
      if (t.messageCount() > 0) {
        n.merge(t.topic().name(), t.messageCount(), Long::sum);
      }
    }
    return n;
  }

  @TestFactory
  Stream<DynamicTest> everyBagDirectoryMatchesItsMetadata() throws IOException {
    List<Path> dirs = bagDirs();
    assertTrue(dirs.size() >= 8, "sample bags missing under " + SampleBags.root());
    return dirs.stream().map(dir -> DynamicTest.dynamicTest(
        SampleBags.root().relativize(dir).toString(), () -> {
          BagMetadata md = MetadataYaml.read(dir.resolve("metadata.yaml"));
          try (BagReader bag = BagReader.open(dir)) {
            assertEquals(md.relativeFilePaths().size(), bag.files().size());
            assertEquals(md.storageIdentifier(), bag.storage().identifier());
            Map<String, Long> read = countByReading(bag);
            assertEquals(expected(md), read);
            assertEquals(md.messageCount(), read.values().stream().mapToLong(x -> x).sum());
            for (TopicMessageCount t : md.topics()) {
              assertEquals(t.topic().type(), bag.typeOf(t.topic().name()), t.topic().name());
            }
            BagMetadata computed = bag.computedMetadata();
            assertEquals(md.messageCount(), computed.messageCount());
            // The split "wbag" samples carry a start/duration that matches none of their files
            // (rosbag2 test data), so times are checked on single-file bags only.
            if (md.messageCount() > 0 && md.relativeFilePaths().size() == 1) {
              assertEquals(md.startingTime(), computed.startingTime());
              assertEquals(md.duration(), computed.duration());
            }
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> singleFilesOpenAndMatchTheirEmbeddedMetadata() throws IOException {
    try (Stream<Path> s = Files.list(SampleBags.of("single_files"))) {
      return s.sorted().toList().stream().map(f -> DynamicTest.dynamicTest(
          f.getFileName().toString(), () -> {
            try (BagReader bag = BagReader.open(f)) {
              String serialized = EmbeddedMetadata.of(bag);
              BagMetadata md = MetadataYaml.parse(serialized, f.toString());
              assertEquals(expected(md), countByReading(bag));
            }
          }));
    }
  }

  @Test
  void sqliteAndMcapTalkerBagsHoldTheSameMessages() throws IOException {
    try (BagReader a = BagReader.open(SampleBags.of("sqlite3/talker"));
        BagReader b = BagReader.open(SampleBags.of("mcap/talker"))) {
      Iterator<BagMessage> ia = a.messages(BagFilter.all());
      Iterator<BagMessage> ib = b.messages(BagFilter.all());
      int n = 0;
      while (ia.hasNext()) {
        BagMessage x = ia.next();
        BagMessage y = ib.next();
        assertEquals(x.topic(), y.topic());
        assertEquals(x.logTimeNanos(), y.logTimeNanos());
        assertTrue(Arrays.equals(x.data(), y.data()));
        n++;
      }
      assertEquals(20, n);
      assertTrue(!ib.hasNext());
    }
  }

  @Test
  void topicAndTimeFiltersSelectMessages() throws IOException {
    try (BagReader bag = BagReader.open(SampleBags.of("mcap/wbag"))) {
      long n = 0;
      for (Iterator<BagMessage> it = bag.messages(BagFilter.topics("AAA", "BBB").between(1500,
          2500)); it.hasNext(); ) {
        BagMessage m = it.next();
        assertTrue(m.topic().equals("AAA") || m.topic().equals("BBB"));
        assertTrue(m.logTimeNanos() >= 1500 && m.logTimeNanos() < 2500);
        n++;
      }
      long all = 0;
      for (Iterator<BagMessage> it = bag.messages(BagFilter.all()); it.hasNext(); ) {
        BagMessage m = it.next();
        if ((m.topic().equals("AAA") || m.topic().equals("BBB")) && m.logTimeNanos() >= 1500
            && m.logTimeNanos() < 2500) {
          all++;
        }
      }
      assertEquals(all, n);
      assertTrue(n > 100);
    }
  }
}
