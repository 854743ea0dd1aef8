package dev.flotilla.urdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The link/joint tree of a URDF as a JGraphT graph: links are vertices, joints are edges from
 * parent to child. Construction validates the structure the URDF spec demands — every joint names
 * existing links, each link has at most one parent joint, no cycles, exactly one root — and reports
 * the offending element and line. It records each link's depth, which {@link UrdfParser} bounds
 * ({@link UrdfLimits#maxDepth()}). Construction is O(L + J); path queries are O(depth).
 */
public final class KinematicTree {

  private final Graph<String, Joint> graph;
  private final String root;
  private final Map<String, Joint> parentJoint = new HashMap<>();
  private final List<String> topologicalLinks;
  private final Map<String, Integer> depth = new HashMap<>();
  private int maxDepth;

  /**
   * Builds and validates the tree.
   *
   * @param links links by name (document order)
   * @param joints joints by name (document order)
   * @param source file or topic name for error messages
   * @throws UrdfException on a missing link, a second parent, a cycle or several roots
   */
  KinematicTree(Map<String, Link> links, Map<String, Joint> joints, String source) {
    DirectedAcyclicGraph<String, Joint> dag = new DirectedAcyclicGraph<>(null, null, false);
    links.keySet().forEach(dag::addVertex);
    for (Joint j : joints.values()) {
      String element = "<joint name=\"" + j.name() + "\">";
      if (!links.containsKey(j.parent())) {
        throw new UrdfException(
            source, j.line(), element, "parent link \"" + j.parent() + "\" does not exist");
      }
      if (!links.containsKey(j.child())) {
        throw new UrdfException(
            source, j.line(), element, "child link \"" + j.child() + "\" does not exist");
      }
      Joint previous = parentJoint.putIfAbsent(j.child(), j);
      if (previous != null) {
        throw new UrdfException(
            source,
            j.line(),
            element,
            "link \"" + j.child() + "\" already has parent joint \"" + previous.name()
                + "\" (line " + previous.line() + "); a URDF must be a tree");
      }
      try {
        dag.addEdge(j.parent(), j.child(), j);
      } catch (IllegalArgumentException e) {
        throw new UrdfException(
            source,
            j.line(),
            element,
            "joint closes a cycle: link \"" + j.parent() + "\" already descends from \""
                + j.child() + "\"");
      }
    }
    List<String> roots = new ArrayList<>();
    for (String l : links.keySet()) {
      if (!parentJoint.containsKey(l)) {
        roots.add(l);
      }
    }
    if (roots.isEmpty()) {
      throw new UrdfException(source, 0, "robot", "the URDF has no links");
    }
    if (roots.size() > 1) {
      Link second = links.get(roots.get(1));
      throw new UrdfException(
          source,
          second.line(),
          "<link name=\"" + second.name() + "\">",
          "the URDF has " + roots.size() + " root links " + roots
              + "; every link but one must be the child of a joint");
    }
    this.root = roots.get(0);
    this.graph = new AsUnmodifiableGraph<>(dag);
    this.topologicalLinks = breadthFirst();
  }

  /**
   * Links parents first, recording each link's depth; the parser compares the deepest with
   * {@link UrdfLimits#maxDepth()}, because the analyses of a chain (reach sampling) grow faster
   * than linearly with its length.
   */
  private List<String> breadthFirst() {
    List<String> order = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(root);
    depth.put(root, 0);
    while (!queue.isEmpty()) {
      String l = queue.poll();
      order.add(l);
      int d = depth.get(l) + 1;
      for (Joint j : graph.outgoingEdgesOf(l)) {
        depth.put(j.child(), d);
        maxDepth = Math.max(maxDepth, d);
        queue.add(j.child());
      }
    }
    return Collections.unmodifiableList(order);
  }

  /** The read-only JGraphT graph: vertices are link names, edges are joints (parent → child). */
  public Graph<String, Joint> graph() {
    return graph;
  }

  /** The root link's name. */
  public String root() {
    return root;
  }

  /** Links in breadth-first order from the root (parents before children). */
  public List<String> linksTopDown() {
    return topologicalLinks;
  }

  /** Most joints on one path from the root. */
  public int depth() {
    return maxDepth;
  }

  /** Joints between the root and this link. */
  public int depthOf(String link) {
    return depth.get(link);
  }

  /** The joint whose child is this link, empty for the root. */
  public Optional<Joint> parentJoint(String link) {
    return Optional.ofNullable(parentJoint.get(link));
  }

  /** The joints whose parent is this link, in document order. */
  public List<Joint> childJoints(String link) {
    return List.copyOf(graph.outgoingEdgesOf(link));
  }

  /** Joints from the root down to this link (empty for the root). O(depth). */
  public List<Joint> pathFromRoot(String link) {
    List<Joint> path = new ArrayList<>();
    for (Joint j = parentJoint.get(link); j != null; j = parentJoint.get(j.parent())) {
      path.add(j);
    }
    Collections.reverse(path);
    return path;
  }

  /**
   * Joints from {@code ancestor} down to {@code link}; empty when they coincide. O(depth).
   *
   * @throws IllegalArgumentException when {@code ancestor} is not above {@code link}
   */
  public List<Joint> pathBetween(String ancestor, String link) {
    List<Joint> path = new ArrayList<>();
    String current = link;
    while (!current.equals(ancestor)) {
      Joint j = parentJoint.get(current);
      if (j == null) {
        throw new IllegalArgumentException(
            "Link \"" + ancestor + "\" is not an ancestor of \"" + link + "\".");
      }
      path.add(j);
      current = j.parent();
    }
    Collections.reverse(path);
    return path;
  }

  /** True when {@code ancestor} lies strictly above {@code link}. */
  public boolean isAncestor(String ancestor, String link) {
    for (Joint j = parentJoint.get(link); j != null; j = parentJoint.get(j.parent())) {
      if (j.parent().equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  /** All links below this one (not including it). */
  public Collection<String> descendants(String link) {
    List<String> out = new ArrayList<>();
    Deque<String> stack = new ArrayDeque<>(Graphs.successorListOf(graph, link));
    while (!stack.isEmpty()) {
      String l = stack.pop();
      out.add(l);
      stack.addAll(Graphs.successorListOf(graph, l));
    }
    return out;
  }

  /** Links with no child joint. */
  public List<String> leaves() {
    return topologicalLinks.stream().filter(l -> graph.outDegreeOf(l) == 0).toList();
  }
}
