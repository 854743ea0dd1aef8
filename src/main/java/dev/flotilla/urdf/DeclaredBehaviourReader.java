package dev.flotilla.urdf;

import dev.flotilla.xml.XmlElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what a URDF declares about behaviour but the URDF spec does not model (issue #13):
 * Gazebo {@code <plugin>} elements, {@code <ros2_control>} blocks, {@code <transmission>}s and
 * vendor top-level elements. Walks with explicit stacks (hostile nesting cannot overflow the
 * thread stack) and keeps at most {@value #MAX_PARAMS} parameters per element. Linear in size.
 */
final class DeclaredBehaviourReader {

  private static final int MAX_PARAMS = 256;
  private static final Set<String> SPEC_TAGS =
      Set.of("link", "joint", "gazebo", "transmission", "ros2_control", "material");

  private DeclaredBehaviourReader() {}

  /** True for a top-level tag this reader keeps as a vendor element. */
  static boolean isVendor(String tag) {
    return !SPEC_TAGS.contains(tag);
  }

  /** The {@code <plugin>} elements anywhere below a {@code <gazebo>} block. */
  static List<Plugin> gazebo(XmlElement gazebo) {
    String ref = gazebo.attr("reference") == null ? "" : gazebo.attr("reference");
    List<Plugin> out = new ArrayList<>();
    Deque<XmlElement> todo = new ArrayDeque<>(gazebo.children());
    while (!todo.isEmpty()) {
      XmlElement e = todo.pop();
      if (e.name().equals("plugin")) {
        out.add(new Plugin("gazebo", orEmpty(e.attr("name")), orEmpty(e.attr("filename")), ref,
            params(e), e.line()));
      } else {
        todo.addAll(e.children());
      }
    }
    return out;
  }

  /** A {@code <ros2_control>} block: hardware plugin and joints with command interfaces. */
  static Plugin ros2Control(XmlElement rc) {
    Map<String, String> params = params(rc);
    String hardware = "";
    var hw = rc.child("hardware");
    if (hw.isPresent() && hw.get().child("plugin").isPresent()) {
      hardware = orEmpty(hw.get().child("plugin").get().text());
    }
    for (XmlElement j : rc.childrenNamed("joint")) {
      List<String> interfaces = new ArrayList<>();
      for (XmlElement c : j.childrenNamed("command_interface")) {
        interfaces.add(orEmpty(c.attr("name")));
      }
      if (params.size() < MAX_PARAMS) {
        params.put("joint:" + orEmpty(j.attr("name")), String.join(",", interfaces));
      }
    }
    return new Plugin("ros2_control", orEmpty(rc.attr("name")), hardware, "", params, rc.line());
  }

  /** A vendor top-level element, e.g. {@code <properties arm="…" kf="…"/>}. */
  static Plugin vendor(XmlElement e) {
    return new Plugin(e.name(), orEmpty(e.attr("name")), "", "", params(e), e.line());
  }

  /** A {@code <transmission>}: its joints and their hardware interfaces. */
  static Transmission transmission(XmlElement t) {
    List<String> joints = new ArrayList<>();
    List<String> interfaces = new ArrayList<>();
    for (XmlElement j : t.childrenNamed("joint")) {
      joints.add(orEmpty(j.attr("name")));
      for (XmlElement h : j.childrenNamed("hardwareInterface")) {
        interfaces.add(orEmpty(h.text()));
      }
    }
    // ROS 1 style: <actuator><hardwareInterface> and <joint> may be text-only.
    for (XmlElement a : t.childrenNamed("actuator")) {
      for (XmlElement h : a.childrenNamed("hardwareInterface")) {
        interfaces.add(orEmpty(h.text()));
      }
    }
    return new Transmission(orEmpty(t.attr("name")), joints, interfaces, t.line());
  }

  /** Attributes and leaf texts below an element, name → value, first occurrence wins. */
  private static Map<String, String> params(XmlElement root) {
    Map<String, String> out = new LinkedHashMap<>();
    root.attributes().forEach((k, v) -> out.putIfAbsent(k, v));
    Deque<XmlElement> todo = new ArrayDeque<>(root.children());
    while (!todo.isEmpty() && out.size() < MAX_PARAMS) {
      XmlElement e = todo.pop();
      if (e.children().isEmpty()) {
        out.putIfAbsent(e.name(), e.text() == null ? "" : e.text());
      }
      for (Map.Entry<String, String> a : e.attributes().entrySet()) {
        out.putIfAbsent(e.name() + "@" + a.getKey(), a.getValue());
      }
      todo.addAll(e.children());
    }
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
