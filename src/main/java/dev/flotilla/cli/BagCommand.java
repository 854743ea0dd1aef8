package dev.flotilla.cli;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagRecovery;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.bag.cdr.DynamicCdrDecoder;
import dev.flotilla.bag.json.MessageJson;
import dev.flotilla.bag.meta.BagMetadata;
import dev.flotilla.bag.meta.TopicMessageCount;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MessageTypes;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla bag}: inspect rosbag2 bags (MCAP or SQLite3, a directory or a single file).
 * Exit code 0 on success, 2 on a missing, unreadable or damaged bag (the message names the file
 * and byte offset or table).
 */
@Command(
    name = "bag",
    mixinStandardHelpOptions = true,
    description = "Inspect, print, recover, record, play and replay rosbag2 bags (MCAP, SQLite3).",
    subcommands = {BagCommand.Info.class, BagCommand.Cat.class, BagCommand.Recover.class,
        BagRecordCommand.class, BagPlayCommand.class, BagReplayCommand.class})
public final class BagCommand implements Callable<Integer> {
  @Mixin CommandIo io;

  @Override
  public Integer call() {
    return io.usage();
  }

  /** {@code bag info <bag>}: like {@code ros2 bag info}. */
  @Command(name = "info", mixinStandardHelpOptions = true,
      description = "Files, size, duration, start/end and per-topic type and count.")
  static final class Info implements Callable<Integer> {
    @Mixin CommandIo io;

    @Mixin BagArgument bag;

    @Override
    public Integer call() {
      PrintWriter out = io.out();
      try (BagReader r = BagReader.open(bag.path)) {
        BagMetadata md = r.metadata();
        long size = 0;
        for (Path f : r.files()) {
          size += Files.size(f);
        }
        String pad = "                   ";
        out.printf("Files:             %s%n", String.join("\n" + pad,
            r.files().stream().map(f -> f.getFileName().toString()).toList()));
        out.printf("Bag size:          %s%n", human(size));
        out.printf("Storage id:        %s%n", r.storage().identifier());
        out.printf("Duration:          %s%n", seconds(md.duration()));
        if (md.messageCount() > 0) {
          out.printf("Start:             %s%n", stamp(md.startingTime()));
          out.printf("End:               %s%n", stamp(md.startingTime() + md.duration()));
        }
        out.printf("Messages:          %d%n", md.messageCount());
        String label = "Topic information: ";
        for (TopicMessageCount t : md.topics()) {
          out.printf("%sTopic: %s | Type: %s | Count: %d | Serialization Format: %s%n", label,
              t.topic().name(), t.topic().type(), t.messageCount(),
              t.topic().serializationFormat());
          label = pad;
        }
        out.flush();
        return 0;
      } catch (IOException | RuntimeException e) {
        return io.fail(e);
      }
    }

    private static String human(long bytes) {
      if (bytes < 1024) {
        return bytes + " B";
      }
      String[] units = {"KiB", "MiB", "GiB", "TiB"};
      double v = bytes;
      int u = -1;
      while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
      }
      return String.format("%.1f %s", v, units[u]);
    }

    private static String seconds(long ns) {
      return String.format("%d.%09ds", ns / 1_000_000_000L, ns % 1_000_000_000L);
    }

    private static String stamp(long ns) {
      Instant t = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L),
          Math.floorMod(ns, 1_000_000_000L));
      return DateTimeFormatter.ofPattern("MMM d yyyy HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC)
          .format(t) + " UTC (" + Math.floorDiv(ns, 1_000_000_000L) + "."
          + String.format("%09d", Math.floorMod(ns, 1_000_000_000L)) + ")";
    }
  }

  /** {@code bag cat <bag> [--topic T]}: one JSON object per message. */
  @Command(name = "cat", mixinStandardHelpOptions = true,
      description = "Print messages as JSON lines: topic, type, log_time (ns) and the decoded "
          + "message (decoded with the definitions stored in the bag).")
  static final class Cat implements Callable<Integer> {
    @Mixin CommandIo io;

    @Mixin BagArgument bag;

    @Option(names = "--topic", description = "Only this topic (repeatable).")
    List<String> topics;

    @Option(names = "--limit", description = "Stop after this many messages.")
    long limit = Long.MAX_VALUE;

    @Override
    public Integer call() {
      PrintWriter out = io.out();
      ObjectMapper mapper = new ObjectMapper();
      MessageDefinitions known = MessageDefinitions.bundled();
      try (BagReader r = BagReader.open(bag.path)) {
        Map<String, DynamicCdrDecoder> decoders = new HashMap<>();
        Map<String, String> decoderErrors = new HashMap<>();
        for (BagTopic t : r.topics()) {
          try {
            // A ros2msg schema with empty text is a message without fields (how rosbag2 stores
            // one); only a topic with no definition ("" or "unknown") falls back to known ones.
            MessageTypes types = t.definition().isEmpty()
                && !t.definitionEncoding().equals("ros2msg")
                ? known.typesFor(t.topic().type())
                : MessageTypes.fromSchema(t.topic().type(), t.definition(), known);
            decoders.put(t.topic().name(), new DynamicCdrDecoder(types, t.topic().type()));
          } catch (IllegalArgumentException e) {
            decoderErrors.put(t.topic().name(), e.getMessage());
          }
        }
        BagFilter filter = topics == null ? BagFilter.all()
            : new BagFilter(Set.copyOf(topics), Long.MIN_VALUE, Long.MAX_VALUE);
        long n = 0;
        for (Iterator<BagMessage> it = r.messages(filter); it.hasNext() && n < limit; n++) {
          BagMessage m = it.next();
          StringWriter sw = new StringWriter();
          try (JsonGenerator g = mapper.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("topic", m.topic());
            g.writeStringField("type", m.type());
            g.writeNumberField("log_time", m.logTimeNanos());
            DynamicCdrDecoder d = decoders.get(m.topic());
            Object decoded = null;
            String error = decoderErrors.get(m.topic());
            if (d != null) {
              try {
                decoded = d.decode(m.data());
              } catch (RuntimeException e) {
                error = e.getMessage();
              }
            }
            if (decoded != null) {
              g.writeFieldName("message");
              MessageJson.write(g, decoded);
            } else {
              g.writeStringField("error", error == null ? "no definition" : error);
              g.writeStringField("cdr_base64", Base64.getEncoder().encodeToString(m.data()));
            }
            g.writeEndObject();
          }
          out.println(sw);
        }
        out.flush();
        return 0;
      } catch (IOException e) {
        return io.fail(e);
      } catch (UncheckedIOException e) {
        out.flush();
        return io.fail(e.getCause());
      }
    }
  }

  /** {@code bag recover <bag> -o <out>}: salvage intact messages into a new bag. */
  @Command(name = "recover", mixinStandardHelpOptions = true,
      description = "Copy every intact message of a damaged bag into a new bag; the input is "
          + "never modified.")
  static final class Recover implements Callable<Integer> {
    @Mixin CommandIo io;

    @Parameters(index = "0", description = "Damaged bag directory or .mcap/.db3 file.")
    Path bag;

    @Option(names = {"-o", "--output"}, required = true,
        description = "New bag directory (must not exist or be empty).")
    Path output;

    @Override
    public Integer call() {
      try {
        BagRecovery.Report rep = BagRecovery.recover(bag, output);
        PrintWriter out = io.out();
        for (String p : rep.problems()) {
          out.println("damage: " + p);
        }
        out.flush();
        if (rep.messagesRecovered() == 0) {
          return io.fail("error: " + bag + ": no intact message could be recovered; "
              + rep.output() + " holds an empty bag.");
        }
        out.printf("recovered %d messages into %s%n", rep.messagesRecovered(), rep.output());
        out.flush();
        return 0;
      } catch (IOException | RuntimeException e) {
        return io.fail(e);
      }
    }
  }
}
