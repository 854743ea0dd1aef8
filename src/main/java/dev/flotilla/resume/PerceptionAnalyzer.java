package dev.flotilla.resume;

import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.ChainKinematics;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.Sensor;
import dev.flotilla.urdf.SensorKind;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrix4x4;

/**
 * Finds cameras and laser scanners and describes each camera with the simplified frustum model of
 * appendix A.1 of seed 002 (Eq. 1): height, optical-axis pitch and horizontal FOV. A camera is the
 * topmost link of a subtree holding a Gazebo camera sensor or camera-named frames; its FOV comes
 * from the sensor block or the default. Height and pitch ranges come from enumerating (≤ 729
 * configurations) or sampling (512) the joints between base and camera. O(C · samples · depth).
 */
final class PerceptionAnalyzer {

  private static final Set<String> MOUNT_WORDS = Set.of("standoff", "bracket", "holder");
  private static final double SAME_DEVICE_M = 0.02;
  private static final double STEREO_BASELINE_M = 0.15;
  private static final int MIN_SCAN_RAYS = 10;
  private static final int GRID_LIMIT = 729;
  private static final int RANDOM_SAMPLES = 512;

  private final BodyGeometry body;
  private final ResumeParams params;
  private final ResumeBudget budget;

  PerceptionAnalyzer(BodyGeometry body, ResumeParams params, ResumeBudget budget) {
    this.body = body;
    this.params = params;
    this.budget = budget;
  }

  List<CameraInfo> cameras() {
    UrdfRobot robot = body.robot();
    KinematicTree tree = robot.tree();
    Set<String> sensorCameraLinks = new HashSet<>();
    for (Sensor s : robot.sensors()) {
      if (s.kind().isCamera()) {
        sensorCameraLinks.add(s.link());
      }
    }
    List<String> tops = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    for (String link : tree.linksTopDown()) {
      boolean named = (LinkNames.hasAny(link, LinkNames.CAMERA_WORDS)
          || LinkNames.hasToken(link, LinkNames.CAMERA_MODELS))
          && !LinkNames.hasAny(link, MOUNT_WORDS);
      boolean isCamera = sensorCameraLinks.contains(link) || named;
      if (!isCamera || covered.stream().anyMatch(t -> tree.isAncestor(t, link))) {
        continue;
      }
      covered.add(link);
      if (tops.stream().noneMatch(t -> sameDevice(t, link, sensorCameraLinks))) {
        tops.add(link);
      }
    }
    List<CameraInfo> out = new ArrayList<>();
    for (String top : tops) {
      budget.check("describing camera " + top);
      out.add(describe(top));
    }
    return out;
  }

  /**
   * Two camera frames are one device when they hang from the same link and either sit within
   * {@value #SAME_DEVICE_M} m of each other (an RGB module beside its imager) or are a declared
   * stereo pair: both carry camera sensor blocks and their names differ only by left/right.
   */
  private boolean sameDevice(String a, String b, Set<String> declared) {
    KinematicTree tree = body.robot().tree();
    String pa = tree.parentJoint(a).map(j -> j.parent()).orElse("");
    String pb = tree.parentJoint(b).map(j -> j.parent()).orElse("");
    if (!pa.equals(pb)) {
      return false;
    }
    DMatrix4x4 x = body.pose(a);
    DMatrix4x4 y = body.pose(b);
    double d = Math.sqrt(Math.pow(x.a14 - y.a14, 2) + Math.pow(x.a24 - y.a24, 2)
        + Math.pow(x.a34 - y.a34, 2));
    if (d < SAME_DEVICE_M) {
      return true;
    }
    return declared.contains(a) && declared.contains(b) && d < STEREO_BASELINE_M
        && sides(a).equals(sides(b));
  }

  private static Set<String> sides(String name) {
    Set<String> t = new HashSet<>(LinkNames.tokens(name));
    t.removeAll(Set.of("left", "right", "l", "r"));
    return t;
  }

  private CameraInfo describe(String top) {
    UrdfRobot robot = body.robot();
    KinematicTree tree = robot.tree();
    Set<String> subtree = new HashSet<>(tree.descendants(top));
    subtree.add(top);
    Sensor sensor = null;
    for (Sensor s : robot.sensors()) {
      if (s.kind().isCamera() && subtree.contains(s.link())) {
        sensor = s;
        break;
      }
    }
    boolean depth =
        (sensor != null && sensor.kind() == SensorKind.DEPTH_CAMERA)
            || subtree.stream().anyMatch(l -> LinkNames.words(l).contains("depth"));
    boolean fovFromSensor = sensor != null && !Double.isNaN(sensor.horizontalFovRad());
    double fov = fovFromSensor ? sensor.horizontalFovRad() : params.defaultFovRad();
    boolean optical = LinkNames.words(top).contains("optical");
    double height = body.heightOf(top);
    double pitch = pitch(body.pose(top), optical);

    List<Joint> path = tree.pathFromRoot(top);
    Chain chain = new Chain(tree.root(), top, path);
    boolean movable = !chain.independentJoints().isEmpty();
    double minH = height;
    double maxH = height;
    double minP = pitch;
    double maxP = pitch;
    if (movable) {
      ChainKinematics fk = new ChainKinematics(robot, chain);
      List<Joint> vars = fk.variables();
      DMatrix4x4 pose = new DMatrix4x4();
      for (double[] q : configurations(vars)) {
        fk.tipPose(q, pose);
        double h = pose.a34 - body.groundZ();
        double p = pitch(pose, optical);
        minH = Math.min(minH, h);
        maxH = Math.max(maxH, h);
        minP = Math.min(minP, p);
        maxP = Math.max(maxP, p);
      }
    }
    return new CameraInfo(
        top,
        depth ? "depth_camera" : "camera",
        Rounding.r(height),
        Rounding.r(minH),
        Rounding.r(maxH),
        movable,
        fov,
        fovFromSensor,
        Rounding.r(pitch),
        Rounding.r(minP),
        Rounding.r(maxP));
  }

  /** A grid of {lower, middle, upper} per joint when small, else seeded uniform samples. */
  private List<double[]> configurations(List<Joint> vars) {
    int n = vars.size();
    List<double[]> out = new ArrayList<>();
    if (Math.pow(3, n) <= GRID_LIMIT) {
      int total = (int) Math.pow(3, n);
      for (int code = 0; code < total; code++) {
        double[] q = new double[n];
        int c = code;
        for (int i = 0; i < n; i++) {
          Joint j = vars.get(i);
          double t = (c % 3) / 2.0;
          c /= 3;
          q[i] = j.sampleLower() + t * (j.sampleUpper() - j.sampleLower());
        }
        out.add(q);
      }
    } else {
      SplittableRandom rnd = new SplittableRandom(params.seed());
      for (int s = 0; s < RANDOM_SAMPLES; s++) {
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
          Joint j = vars.get(i);
          q[i] = j.sampleLower() + rnd.nextDouble() * (j.sampleUpper() - j.sampleLower());
        }
        out.add(q);
      }
    }
    return out;
  }

  /** Elevation of the optical axis: x of a body-convention camera frame, z of an optical frame. */
  static double pitch(DMatrix4x4 pose, boolean optical) {
    double dx = optical ? pose.a13 : pose.a11;
    double dy = optical ? pose.a23 : pose.a21;
    double dz = optical ? pose.a33 : pose.a31;
    return Math.atan2(dz, Math.hypot(dx, dy));
  }

  /**
   * Evidence for the perception section: sensor blocks are declared (high), frame names alone
   * are medium (camera vocabulary is specific; a mislabelled frame costs one view, not a class).
   */
  Evidence evidence(List<CameraInfo> cameras, List<LidarInfo> lidars) {
    List<String> facts = new ArrayList<>();
    Confidence conf = Confidence.HIGH;
    Set<String> sensorLinks = new HashSet<>();
    for (Sensor s : body.robot().sensors()) {
      sensorLinks.add(s.link());
    }
    KinematicTree tree = body.robot().tree();
    for (CameraInfo c : cameras) {
      boolean declared = sensorLinks.contains(c.link())
          || tree.descendants(c.link()).stream().anyMatch(sensorLinks::contains);
      facts.add("camera " + c.link() + (declared ? ": gazebo sensor block"
          : ": frame names *camera*/*rgbd*/*stereo*… (names only)"));
      if (!declared) {
        conf = conf.min(Confidence.MEDIUM);
      }
    }
    for (LidarInfo l : lidars) {
      boolean declared = sensorLinks.contains(l.link())
          || tree.descendants(l.link()).stream().anyMatch(sensorLinks::contains);
      facts.add("lidar " + l.link() + (declared ? ": gazebo ray sensor block"
          : ": link names *laser*/*lidar*/*scan*… (names only)"));
      if (!declared) {
        conf = conf.min(Confidence.MEDIUM);
      }
    }
    if (facts.isEmpty()) {
      facts.add("no camera or scanner sensor block or frame");
    }
    return new Evidence(facts, conf);
  }

  /**
   * Scanners: links holding a ray sensor of at least {@value #MIN_SCAN_RAYS} rays per scan (fewer
   * is a range finder, e.g. a cliff sensor), or scanner-named links. A scanner-named frame with no
   * ray sensor on a robot that declares a depth camera and no scanner is the depth camera's
   * virtual scan frame, not a device.
   */
  List<LidarInfo> lidars() {
    UrdfRobot robot = body.robot();
    KinematicTree tree = robot.tree();
    Set<String> sensorLinks = new HashSet<>();
    Set<String> rangeFinders = new HashSet<>();
    boolean depthBlock = false;
    for (Sensor s : robot.sensors()) {
      if (s.kind() == SensorKind.LIDAR) {
        boolean scanner = s.horizontalSamples() == 0 || s.horizontalSamples() >= MIN_SCAN_RAYS;
        (scanner ? sensorLinks : rangeFinders).add(s.link());
      }
      depthBlock |= s.kind() == SensorKind.DEPTH_CAMERA;
    }
    boolean virtualScans = depthBlock && sensorLinks.isEmpty();
    List<String> tops = new ArrayList<>();
    for (String link : tree.linksTopDown()) {
      boolean named = (LinkNames.hasAny(link, LinkNames.SCANNER_WORDS)
          || LinkNames.hasToken(link, LinkNames.SCANNER_WORDS))
          && !rangeFinders.contains(link) && !virtualScans;
      boolean isLidar = sensorLinks.contains(link) || named;
      if (isLidar && tops.stream().noneMatch(t -> tree.isAncestor(t, link))) {
        tops.add(link);
      }
    }
    return tops.stream().map(l -> new LidarInfo(l, Rounding.r(body.heightOf(l)))).toList();
  }
}
