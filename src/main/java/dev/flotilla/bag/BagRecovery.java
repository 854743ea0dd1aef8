package dev.flotilla.bag;

import dev.flotilla.bag.mcap.McapFormatException;
import dev.flotilla.bag.mcap.McapReader;
import dev.flotilla.bag.mcap.McapRecord;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapScanner;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.MetadataYaml;
import dev.flotilla.bag.sqlite.Db3Message;
import dev.flotilla.bag.sqlite.Db3Reader;
import dev.flotilla.bag.sqlite.Db3Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Salvages every intact message of a damaged bag into a new bag, never writing to the input.
 * MCAP files are walked record by record: a chunk cut by the end of the file or damaged part way
 * still yields the records decoded before the damage (uncompressed: records before the cut; zstd:
 * streamed up to the damage; LZ4: the whole blocks before it), a chunk that decodes whole but
 * fails its CRC is skipped, and the walk goes on; a truncated or mis-framed tail ends the file.
 * Chunks declaring more than {@code mcap.ChunkLimits} allows are refused unread. Schemas and
 * channels come from the records seen and, when the summary is still readable, from the summary.
 * SQLite3 files keep every row read before the first database error. O(input size).
 */
public final class BagRecovery {
  private BagRecovery() {}

  /**
   * What was salvaged.
   *
   * @param output the new bag directory
   * @param messagesRecovered messages written to it
   * @param problems each damage found, naming file and byte offset or table
   */
  public record Report(Path output, long messagesRecovered, List<String> problems) {}

  /**
   * Recovers a bag.
   *
   * @param input bag directory or single storage file (read only)
   * @param output new bag directory; must not exist (or be empty) and must lie outside the input
   * @return the report
   * @throws IOException when nothing can be read at all or the output cannot be written
   */
  public static Report recover(Path input, Path output) throws IOException {
    Path in = input.toAbsolutePath().normalize();
    Path out = output.toAbsolutePath().normalize();
    if (out.startsWith(in)) {
      throw new IOException(output + ": the recovered bag must be written outside the input "
          + input);
    }
    List<String> problems = new ArrayList<>();
    List<Path> files = inputFiles(in, problems);
    if (files.isEmpty()) {
      throw new IOException(input + ": no .mcap or .db3 storage files to recover");
    }
    StorageId storage = StorageId.forFile(files.get(0));
    BagWriterOptions opt = BagWriterOptions.defaults(storage).withDefinitions(null);
    long n = 0;
    try (BagWriter w = BagWriter.open(output, opt)) {
      for (Path f : files) {
        n += StorageId.forFile(f) == StorageId.MCAP ? mcap(f, w, problems) : db3(f, w, problems);
      }
    }
    return new Report(output, n, List.copyOf(problems));
  }

  private static List<Path> inputFiles(Path in, List<String> problems) throws IOException {
    if (Files.isRegularFile(in)) {
      return StorageId.forFile(in) == null ? List.of() : List.of(in);
    }
    Path yaml = in.resolve("metadata.yaml");
    if (Files.isRegularFile(yaml)) {
      try {
        BagMetadata md = MetadataYaml.read(yaml);
        List<Path> files = new ArrayList<>();
        for (String rel : md.relativeFilePaths()) {
          try {
            Path p = BagPaths.resolve(in, yaml, rel);
            if (StorageId.forFile(p) != null) {
              files.add(p);
            } else {
              problems.add(yaml + ": listed file '" + rel + "' is not a .mcap or .db3 file");
            }
          } catch (IOException e) {
            problems.add(e.getMessage());
          }
        }
        if (!files.isEmpty()) {
          return files;
        }
      } catch (IOException e) {
        problems.add(e.getMessage());
      }
    }
    List<Path> listed;
    try (Stream<Path> s = Files.list(in)) {
      listed = s.filter(p -> StorageId.forFile(p) != null).sorted().toList();
    }
    List<Path> inside = new ArrayList<>();
    for (Path p : listed) {
      try {
        BagPaths.checkListed(in, p);
        inside.add(p);
      } catch (IOException e) {
        problems.add(e.getMessage());
      }
    }
    return inside;
  }

  private static long mcap(Path file, BagWriter w, List<String> problems) throws IOException {
    Map<Integer, Schema> schemas = new HashMap<>();
    Map<Integer, Channel> channels = new HashMap<>();
    try (McapReader r = McapReader.open(file)) {
      schemas.putAll(r.schemas());
      channels.putAll(r.channels());
    } catch (IOException e) {
      // The summary is damaged too; definitions will come from the records themselves.
    }
    long n = 0;
    long unknownChannel = 0;
    try (McapScanner sc = new McapScanner(file, true, e -> problems.add(e.getMessage()))) {
      for (McapScanner.Located l = sc.next(); l != null; l = sc.next()) {
        McapRecord r = l.record();
        if (r instanceof Schema s) {
          schemas.putIfAbsent(s.id(), s);
        } else if (r instanceof Channel c) {
          channels.putIfAbsent(c.id(), c);
        } else if (r instanceof Message m) {
          Channel c = channels.get(m.channelId());
          if (c == null) {
            unknownChannel++;
            continue;
          }
          BagTopic t = McapFileReader.topicOf(c, schemas.get(c.schemaId()));
          w.createTopic(t.topic(), t.definitionEncoding(), t.definition());
          w.write(c.topic(), m.data(), m.logTime(), m.publishTime());
          n++;
        }
      }
    } catch (McapFormatException e) {
      problems.add(e.getMessage());
    }
    if (unknownChannel > 0) {
      problems.add(file + ": " + unknownChannel + " messages dropped: their channel record was "
          + "lost with the damaged data");
    }
    return n;
  }

  private static long db3(Path file, BagWriter w, List<String> problems) throws IOException {
    long n = 0;
    try (Db3Reader r = Db3Reader.open(file)) {
      Map<Integer, Db3Topic> topics = new HashMap<>();
      for (Db3Topic t : r.topics()) {
        topics.put(t.id(), t);
        var d = r.definitions().get(t.topic().type());
        w.createTopic(t.topic(), d == null ? "" : d.encoding(), d == null ? ""
            : d.definition());
      }
      try {
        for (Iterator<Db3Message> it = r.messages(null, Long.MIN_VALUE, Long.MAX_VALUE);
            it.hasNext(); ) {
          Db3Message m = it.next();
          Db3Topic t = topics.get(m.topicId());
          if (t == null) {
            problems.add(file + ": table 'messages': row with unknown topic_id " + m.topicId());
            continue;
          }
          w.write(t.topic().name(), m.data(), m.timestamp(), m.timestamp());
          n++;
        }
      } catch (UncheckedIOException e) {
        problems.add(e.getCause().getMessage());
      }
    } catch (IOException e) {
      problems.add(e.getMessage());
    }
    return n;
  }
}
