package dev.flotilla.bench;

import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.security.MessageAuthenticator;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated fleet: one thread publishes every robot's heartbeat and another its odometry,
 * each at its rate with robot i offset by i/n of the period, so the load is smooth rather than
 * one burst per period. A silenced robot stops both at once.
 */
final class FleetLoadGenerator {
  private final Bus.Publisher<Heartbeat> heartbeats;
  private final List<Bus.Publisher<Odometry>> odometry = new ArrayList<>();
  private final int n;
  private final long heartbeatPeriod;
  private final long odometryPeriod;
  private final boolean[] silent;
  private final long[] lastBeat;
  private final Thread thread;
  private final Thread odometryThread;
  private volatile long sent;
  private volatile long maxLag;
  private final MessageAuthenticator signer;
  private final String heartbeatTopic = TopicNames.resolve("/", TopicNames.HEARTBEAT);

  FleetLoadGenerator(Bus bus, Bus odometryBus, int n, double heartbeatHz, double odometryHz,
      MessageAuthenticator signer) {
    this.signer = signer;
    this.heartbeats = bus.publisher(heartbeatTopic, Heartbeat.TYPE, QosProfile.SENSOR_DATA);
    this.n = n;
    this.heartbeatPeriod = (long) (1e9 / heartbeatHz);
    this.odometryPeriod = odometryHz > 0 ? (long) (1e9 / odometryHz) : 0;
    if (odometryHz > 0) {
      for (int i = 0; i < n; i++) {
        odometry.add(odometryBus.publisher(TopicNames.odometry("/", FleetBenchmark.robotId(i)),
            Odometry.TYPE, QosProfile.SENSOR_DATA));
      }
    }
    this.silent = new boolean[n];
    this.lastBeat = new long[n];
    this.thread = new Thread(this::heartbeatLoop, "bench-load");
    thread.setDaemon(true);
    this.odometryThread = new Thread(this::odometryLoop, "bench-odometry");
    odometryThread.setDaemon(true);
  }

  void start() {
    thread.start();
    if (odometryPeriod > 0) {
      odometryThread.start();
    }
  }

  void stop() throws InterruptedException {
    thread.interrupt();
    odometryThread.interrupt();
    thread.join();
    if (odometryPeriod > 0) {
      odometryThread.join();
    }
  }

  long heartbeatsSent() {
    return sent;
  }

  long maxLagNanos() {
    return maxLag;
  }

  void resetLag() {
    maxLag = 0;
  }

  /** Silences a robot; returns when its last heartbeat left, in System.nanoTime(). */
  synchronized long silence(int robot) {
    silent[robot] = true;
    return lastBeat[robot];
  }

  private void heartbeatLoop() {
    long start = System.nanoTime();
    long beats = 0;
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      // Sends due by now: robot i's k-th message is due at start + (k + i / n) · period.
      long beatsDue = (now - start) * n / heartbeatPeriod + 1;
      if (beatsDue - beats > 1) {
        long lag = now - (start + (beats * heartbeatPeriod) / n);
        maxLag = Math.max(maxLag, lag);
      }
      // A robot that could not send on time sends late, once: more than a period behind, the
      // schedule skips ahead rather than bursting a backlog no real fleet would send.
      if (beatsDue - beats > n) {
        beats = beatsDue - n;
      }
      for (; beats < beatsDue; beats++) {
        int i = (int) (beats % n);
        synchronized (this) {
          if (!silent[i]) {
            Heartbeat hb = Heartbeat.builder().robotId(FleetBenchmark.robotId(i))
                .sequenceNumber(beats / n + 1).stamp(Stamps.time(System.currentTimeMillis()
                    / 1e3)).battery(Float.NaN).health(1f).build();
            if (signer != null) {
              hb = signer.sign(heartbeatTopic, Heartbeat.TYPE, hb, FleetBenchmark.robotId(i),
                  FleetBenchmark.nextSequence(), Auth.SCHEME_HMAC_SHA256);
            }
            heartbeats.publish(hb);
            lastBeat[i] = System.nanoTime();
            sent++;
          }
        }
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void odometryLoop() {
    long start = System.nanoTime();
    long odoms = 0;
    while (!Thread.currentThread().isInterrupted()) {
      long odomsDue = (System.nanoTime() - start) * n / odometryPeriod + 1;
      if (odomsDue - odoms > n) {
        odoms = odomsDue - n;
      }
      for (; odoms < odomsDue; odoms++) {
        int i = (int) (odoms % n);
        // Not under the lock: a publish held up by a slow reader must not hold up heartbeats.
        boolean quiet;
        synchronized (this) {
          quiet = silent[i];
        }
        if (!quiet) {
          odometry.get(i).publish(Odometry.builder()
              .header(new Header(Stamps.time(System.currentTimeMillis() / 1e3), "odom"))
              .childFrameId(FleetBenchmark.robotId(i) + "/base_link")
              .pose(PoseWithCovariance.builder().build()).build());
        }
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
