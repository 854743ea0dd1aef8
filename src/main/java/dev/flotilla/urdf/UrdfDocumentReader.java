package dev.flotilla.urdf;

import dev.flotilla.xml.XmlElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a URDF element tree into {@link UrdfRobot} records for {@link UrdfParser}: links, joints,
 * sensors and declared behaviour, refusing sizes over {@link UrdfLimits} and physically
 * implausible numbers with the element's line. One instance per document; linear in its size.
 */
final class UrdfDocumentReader {
  private final String source;
  private final UrdfLimits limits;

  UrdfDocumentReader(String source, UrdfLimits limits) {
    this.source = source;
    this.limits = limits;
  }

  UrdfRobot robot(XmlElement root) {
    if (!root.name().equals("robot")) {
      throw error(root, "the root element must be <robot>, found <" + root.name() + ">");
    }
    Map<String, Link> links = new LinkedHashMap<>();
    Map<String, Joint> joints = new LinkedHashMap<>();
    List<Sensor> sensors = new ArrayList<>();
    List<Plugin> plugins = new ArrayList<>();
    List<Transmission> transmissions = new ArrayList<>();
    for (XmlElement e : root.children()) {
      switch (e.name()) {
        case "link" -> {
          if (links.size() >= limits.maxLinks()) {
            throw error(e, "more than " + limits.maxLinks() + " links; refused, a robot "
                + "description this large is beyond the limit");
          }
          Link l = link(e);
          if (links.putIfAbsent(l.name(), l) != null) {
            throw error(e, "duplicate link name \"" + l.name() + "\"");
          }
        }
        case "joint" -> {
          if (joints.size() >= limits.maxJoints()) {
            throw error(e, "more than " + limits.maxJoints() + " joints; refused, a robot "
                + "description this large is beyond the limit");
          }
          Joint j = joint(e);
          if (joints.putIfAbsent(j.name(), j) != null) {
            throw error(e, "duplicate joint name \"" + j.name() + "\"");
          }
        }
        case "gazebo" -> {
          sensors.addAll(sensors(e));
          plugins.addAll(DeclaredBehaviourReader.gazebo(e));
        }
        case "ros2_control" -> plugins.add(DeclaredBehaviourReader.ros2Control(e));
        case "transmission" -> transmissions.add(DeclaredBehaviourReader.transmission(e));
        default -> {
          if (DeclaredBehaviourReader.isVendor(e.name())) {
            plugins.add(DeclaredBehaviourReader.vendor(e));
          }
        }
      }
    }
    KinematicTree tree = new KinematicTree(links, joints, source);
    if (tree.depth() > limits.maxDepth()) {
      throw tooDeep(tree);
    }
    List<Sensor> attached =
        sensors.stream().filter(s -> links.containsKey(s.link())).toList();
    return new UrdfRobot(
        root.attr("name") == null ? "" : root.attr("name"),
        source,
        Collections.unmodifiableMap(links),
        Collections.unmodifiableMap(joints),
        attached,
        tree,
        plugins,
        transmissions);
  }

  /** Names the first joint (breadth first, so on a shortest too-deep path) past the limit. */
  private UrdfException tooDeep(KinematicTree tree) {
    for (String l : tree.linksTopDown()) {
      if (tree.depthOf(l) > limits.maxDepth()) {
        Joint j = tree.parentJoint(l).orElseThrow();
        return new UrdfException(source, j.line(), "<joint name=\"" + j.name() + "\">",
            "the chain from the root link \"" + tree.root() + "\" is more than "
                + limits.maxDepth() + " joints deep; a robot description this deep is "
                + "refused");
      }
    }
    throw new IllegalStateException("no link deeper than " + limits.maxDepth());
  }

  private Link link(XmlElement e) {
    String name = required(e, "name");
    double mass = 0;
    Pose com = Pose.IDENTITY;
    var inertial = e.child("inertial");
    if (inertial.isPresent()) {
      com = pose(inertial.get().child("origin").orElse(null));
      var m = inertial.get().child("mass");
      if (m.isPresent()) {
        mass = bounded(m.get(), "value", 0.0, 0, UrdfLimits.MAX_MASS, "kg");
      }
      var inertia = inertial.get().child("inertia");
      if (inertia.isPresent()) {
        checkInertia(inertia.get());
      }
      inertial.get().child("origin").ifPresent(this::pose);
    }
    List<Shape> shapes = new ArrayList<>();
    for (XmlElement c : e.children()) {
      if (c.name().equals("visual") || c.name().equals("collision")) {
        var g = c.child("geometry");
        if (g.isPresent()) {
          Geometry geometry = geometry(g.get());
          if (geometry != null) {
            shapes.add(new Shape(pose(c.child("origin").orElse(null)), geometry));
          }
        }
      }
    }
    return new Link(name, mass, shapes, e.line(), com);
  }

  private Geometry geometry(XmlElement g) {
    for (XmlElement s : g.children()) {
      switch (s.name()) {
        case "box":
          double[] size = vector(s, "size", null);
          for (double d : size) {
            if (d < 0 || d > UrdfLimits.MAX_LENGTH) {
              throw error(s, "box size " + s.attr("size") + " must be within [0, "
                  + UrdfLimits.MAX_LENGTH + "] m on every side");
            }
          }
          return new Geometry.Box(size[0], size[1], size[2]);
        case "cylinder":
          return new Geometry.Cylinder(size(s, "radius"), size(s, "length"));
        case "sphere":
          return new Geometry.Sphere(size(s, "radius"));
        case "mesh":
          return new Geometry.Mesh(s.attr("filename") == null ? "" : s.attr("filename"));
        default:
          break;
      }
    }
    return null;
  }

  private Joint joint(XmlElement e) {
    String name = required(e, "name");
    String typeText = required(e, "type");
    JointType type = JointType.fromUrdf(typeText);
    if (type == null) {
      throw error(e, "unknown joint type \"" + typeText + "\"");
    }
    String parent =
        required(e.child("parent").orElseThrow(() -> error(e, "missing <parent>")), "link");
    String child =
        required(e.child("child").orElseThrow(() -> error(e, "missing <child>")), "link");
    Pose origin = pose(e.child("origin").orElse(null));
    Axis axis = Axis.X;
    var axisElement = e.child("axis");
    if (axisElement.isPresent()) {
      double[] a = vector(axisElement.get(), "xyz", new double[] {1, 0, 0});
      for (double c : a) {
        if (Math.abs(c) > UrdfLimits.MAX_LENGTH) {
          throw error(axisElement.get(), "axis xyz=\"" + axisElement.get().attr("xyz")
              + "\" is out of range: each component must be within ±" + UrdfLimits.MAX_LENGTH);
        }
      }
      double norm = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
      if (type.isMovable() && norm < 1e-12) {
        throw error(axisElement.get(), "the axis of " + typeText + " joint \"" + name
            + "\" is the zero vector; it must give a direction");
      }
      axis = Axis.normalised(a[0], a[1], a[2]);
    }
    Limits limits = null;
    var limit = e.child("limit");
    if (limit.isPresent()) {
      XmlElement l = limit.get();
      double lower = bounded(l, "lower", 0.0, -UrdfLimits.MAX_POSITION_LIMIT,
          UrdfLimits.MAX_POSITION_LIMIT, "m or rad");
      double upper = bounded(l, "upper", 0.0, -UrdfLimits.MAX_POSITION_LIMIT,
          UrdfLimits.MAX_POSITION_LIMIT, "m or rad");
      if (lower > upper) {
        throw error(l, "lower limit " + lower + " > upper limit " + upper
            + " in joint \"" + name + "\"");
      }
      limits = new Limits(lower, upper,
          bounded(l, "effort", 0.0, 0, UrdfLimits.MAX_RATE, "N or N·m"),
          bounded(l, "velocity", 0.0, 0, UrdfLimits.MAX_RATE, "m/s or rad/s"));
    }
    Mimic mimic = null;
    var m = e.child("mimic");
    if (m.isPresent()) {
      mimic =
          new Mimic(
              required(m.get(), "joint"),
              bounded(m.get(), "multiplier", 1.0, -UrdfLimits.MAX_LENGTH,
                  UrdfLimits.MAX_LENGTH, ""),
              bounded(m.get(), "offset", 0.0, -UrdfLimits.MAX_LENGTH, UrdfLimits.MAX_LENGTH,
                  "m or rad"));
    }
    return new Joint(name, type, parent, child, origin, axis, limits, mimic, e.line());
  }

  private List<Sensor> sensors(XmlElement gazebo) {
    String link = gazebo.attr("reference");
    List<Sensor> out = new ArrayList<>();
    if (link == null) {
      return out;
    }
    for (XmlElement c : gazebo.children()) {
      if (c.name().equals("sensor") || c.name().startsWith("sensor:")) {
        String type = c.name().equals("sensor") ? c.attr("type") : c.localName();
        SensorKind kind = kind(type == null ? "" : type);
        String name = c.attr("name") == null ? link : c.attr("name");
        out.add(new Sensor(name, link, kind, fov(c), c.line(), samples(c)));
      }
    }
    return out;
  }

  private static SensorKind kind(String type) {
    return switch (type) {
      case "camera", "multicamera", "wideanglecamera" -> SensorKind.CAMERA;
      case "depth", "depth_camera", "rgbd", "rgbd_camera" -> SensorKind.DEPTH_CAMERA;
      case "ray", "gpu_ray", "lidar", "gpu_lidar" -> SensorKind.LIDAR;
      default -> SensorKind.OTHER;
    };
  }

  /**
   * Horizontal FOV in radians from the first {@code horizontal_fov} or {@code hfov} below, in
   * document order. Walks with an explicit stack: the nesting depth is the document's, and a
   * recursive walk overflowed the thread stack on deeply nested (hostile) sensor blocks.
   */
  private double fov(XmlElement sensor) {
    Deque<XmlElement> todo = new ArrayDeque<>();
    pushChildren(todo, sensor);
    while (!todo.isEmpty()) {
      XmlElement c = todo.pop();
      if (c.name().equals("horizontal_fov")) {
        return text(c);
      }
      if (c.name().equals("hfov")) {
        return Math.toRadians(text(c));
      }
      pushChildren(todo, c);
    }
    return Double.NaN;
  }

  /** Rays per horizontal scan: the first {@code <samples>} below a {@code <horizontal>}. */
  private static int samples(XmlElement sensor) {
    Deque<XmlElement> todo = new ArrayDeque<>(sensor.children());
    while (!todo.isEmpty()) {
      XmlElement c = todo.pop();
      if (c.name().equals("horizontal") && c.child("samples").isPresent()) {
        try {
          return Integer.parseInt(c.child("samples").get().text().trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
      todo.addAll(c.children());
    }
    return 0;
  }

  /** Pushes the children so that the first one is popped first. */
  private static void pushChildren(Deque<XmlElement> todo, XmlElement e) {
    List<XmlElement> children = e.children();
    for (int i = children.size() - 1; i >= 0; i--) {
      todo.push(children.get(i));
    }
  }

  private Pose pose(XmlElement origin) {
    if (origin == null) {
      return Pose.IDENTITY;
    }
    double[] xyz = vector(origin, "xyz", new double[3]);
    double[] rpy = vector(origin, "rpy", new double[3]);
    for (int i = 0; i < 3; i++) {
      if (Math.abs(xyz[i]) > UrdfLimits.MAX_LENGTH || Math.abs(rpy[i]) > UrdfLimits.MAX_LENGTH) {
        throw error(origin, "origin xyz=\"" + origin.attr("xyz") + "\" rpy=\""
            + origin.attr("rpy") + "\" is out of range: each component must be within ±"
            + UrdfLimits.MAX_LENGTH + " (m or rad)");
      }
    }
    return new Pose(xyz[0], xyz[1], xyz[2], rpy[0], rpy[1], rpy[2]);
  }

  private double text(XmlElement e) {
    try {
      double v = Double.parseDouble(e.text());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw error(e, "expected a number, found \"" + e.text() + "\"");
  }

  private double number(XmlElement e, String attr, Double fallback) {
    String v = e.attr(attr);
    if (v == null) {
      if (fallback == null) {
        throw error(e, "missing attribute " + attr);
      }
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw error(e, "attribute " + attr + "=\"" + v + "\" is not a number");
  }

  private double[] vector(XmlElement e, String attr, double[] fallback) {
    String v = e.attr(attr);
    if (v == null) {
      if (fallback == null) {
        throw error(e, "missing attribute " + attr);
      }
      return fallback.clone();
    }
    String[] parts = v.trim().split("\\s+");
    if (parts.length != 3) {
      throw error(e, "attribute " + attr + "=\"" + v + "\" needs three numbers");
    }
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        out[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException ex) {
        out[i] = Double.NaN;
      }
      if (!Double.isFinite(out[i])) {
        throw error(e, "attribute " + attr + "=\"" + v + "\" is not three numbers");
      }
    }
    return out;
  }

  /** A number that must lie in [min, max]; {@code unit} is named in the error. */
  private double bounded(XmlElement e, String attr, Double fallback, double min, double max,
      String unit) {
    double d = number(e, attr, fallback);
    if (d < min || d > max) {
      throw error(e, "attribute " + attr + "=\"" + e.attr(attr) + "\" must be within ["
          + min + ", " + max + "]" + (unit.isEmpty() ? "" : " " + unit));
    }
    return d;
  }

  private double size(XmlElement e, String attr) {
    return bounded(e, attr, null, 0, UrdfLimits.MAX_LENGTH, "m");
  }

  /** Inertia: a physical body has non-negative principal moments. */
  private void checkInertia(XmlElement e) {
    for (String d : new String[] {"ixx", "iyy", "izz"}) {
      bounded(e, d, 0.0, 0, UrdfLimits.MAX_INERTIA, "kg·m²");
    }
    for (String o : new String[] {"ixy", "ixz", "iyz"}) {
      bounded(e, o, 0.0, -UrdfLimits.MAX_INERTIA, UrdfLimits.MAX_INERTIA, "kg·m²");
    }
  }

  private String required(XmlElement e, String attr) {
    String v = e.attr(attr);
    if (v == null || v.isBlank()) {
      throw error(e, "missing attribute " + attr);
    }
    return v;
  }

  private UrdfException error(XmlElement e, String problem) {
    String name = e.attr("name");
    String element = name == null ? "<" + e.name() + ">" : "<" + e.name() + " name=\"" + name
        + "\">";
    return new UrdfException(source, e.line(), element, problem);
  }
}
