package dev.flotilla.sim;

import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.FlotillaTopics;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.bagio.BagRecorder;
import dev.flotilla.ros.bagio.RecordedTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The demo run recorded to MCAP by a separate DDS participant, as {@code flotilla bag record}
 * would: the fleet's topics and every robot's odometry, into {@code outDir/bag} (replacing an
 * earlier one). Without an output directory it records nothing.
 */
final class DemoRecording implements AutoCloseable {
  private final DdsBus bus;
  private final BagRecorder recorder;
  private final Path directory;
  private boolean closed;

  private DemoRecording(DdsBus bus, BagRecorder recorder, Path directory) {
    this.bus = bus;
    this.recorder = recorder;
    this.directory = directory;
  }

  /**
   * Starts recording.
   *
   * @param outDir the run's output directory, or null to record nothing
   * @param domainId DDS domain of the run
   * @param fleet the robots, whose odometry is recorded
   * @return the recording, to close when the run ends
   * @throws UncheckedIOException when the bag cannot be created
   */
  static DemoRecording start(Path outDir, int domainId, FleetParams fleet) {
    if (outDir == null) {
      return new DemoRecording(null, null, null);
    }
    Path dir = outDir.resolve("bag");
    List<RecordedTopic> topics = new ArrayList<>();
    for (FlotillaTopics.Known k : FlotillaTopics.fleetTopics("/")) {
      topics.add(new RecordedTopic(k.topic(), k.type().rosName(), k.type().definition(),
          k.qos()));
    }
    for (RobotSpec r : fleet.robots()) {
      topics.add(new RecordedTopic(TopicNames.odometry("/", r.id()), Odometry.TYPE.rosName(),
          Odometry.TYPE.definition(), QosProfile.SENSOR_DATA));
    }
    DdsBus bus = new DdsBus("demo_recorder", "/", domainId, true);
    try {
      deleteTree(dir);
      BagWriter writer = BagWriter.open(dir, BagWriterOptions.defaults(StorageId.MCAP));
      return new DemoRecording(bus, new BagRecorder(bus, writer, topics), dir);
    } catch (IOException e) {
      bus.close();
      throw new UncheckedIOException("Cannot record the demo into " + dir + ": "
          + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** @return the bag directory, or null when nothing is recorded */
  Path directory() {
    return directory;
  }

  /** @return messages recorded so far */
  long messages() {
    return recorder == null ? 0 : recorder.total();
  }

  /** Finishes the bag; later calls do nothing. */
  @Override
  public void close() {
    if (closed || recorder == null) {
      return;
    }
    closed = true;
    try {
      recorder.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot finish the demo bag " + directory + ": "
          + e.getMessage(), e);
    } finally {
      bus.close();
    }
  }
}
