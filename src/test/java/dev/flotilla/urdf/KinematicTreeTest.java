package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KinematicTreeTest {

  @Test
  void pathsAndAncestryFollowTheGraph() {
    UrdfRobot fetch = UrdfParser.parse(SharedUrdfs.file("fetch.urdf"));
    KinematicTree t = fetch.tree();
    assertEquals("base_link", t.root());
    List<String> path =
        t.pathFromRoot("gripper_link").stream().map(Joint::name).toList();
    assertEquals("torso_lift_joint", path.get(0));
    assertEquals("gripper_axis", path.get(path.size() - 1));
    assertEquals(9, path.size());
    assertTrue(t.isAncestor("torso_lift_link", "gripper_link"));
    assertFalse(t.isAncestor("gripper_link", "torso_lift_link"));
    assertEquals(List.of(), t.pathBetween("gripper_link", "gripper_link"));
    assertThrows(IllegalArgumentException.class,
        () -> t.pathBetween("l_wheel_link", "gripper_link"));
    assertTrue(t.descendants("torso_lift_link").contains("head_camera_link"));
    assertEquals(0, t.graph().inDegreeOf("base_link"));
  }

  @Test
  void endEffectorsComeFromNamesOrConfiguration() {
    UrdfRobot pr2 = UrdfParser.parse(SharedUrdfs.file("pr2.urdf"));
    List<String> tips =
        new EndEffectorFinder(pr2).chains(Set.of()).stream().map(Chain::tipLink).toList();
    assertEquals(List.of("r_gripper_palm_link", "l_gripper_palm_link"), tips);

    UrdfRobot panda = UrdfParser.parse(SharedUrdfs.file("panda.urdf"));
    assertEquals("panda_hand",
        new EndEffectorFinder(panda).chains(Set.of()).get(0).tipLink());
    Chain configured = new EndEffectorFinder(panda).chains(Set.of("panda_link7")).get(0);
    assertEquals("panda_link7", configured.tipLink());
    assertEquals(7, configured.independentJoints().size());

    UrdfRobot burger = UrdfParser.parse(SharedUrdfs.file("turtlebot3_burger.urdf"));
    assertTrue(new EndEffectorFinder(burger).chains(Set.of()).isEmpty());
  }

  @Test
  void unnamedArmIsFoundByStructure() {
    String xml =
        """
        <robot name="anonymous">
          <link name="a"/><link name="b"/><link name="c"/><link name="d"/>
          <joint name="j1" type="revolute"><parent link="a"/><child link="b"/><axis xyz="0 0 1"/>
            <origin xyz="0 0 0.3"/><limit lower="-1" upper="1" effort="1" velocity="1"/></joint>
          <joint name="j2" type="revolute"><parent link="b"/><child link="c"/><axis xyz="0 1 0"/>
            <origin xyz="0 0 0.2"/><limit lower="-1" upper="1" effort="1" velocity="1"/></joint>
          <joint name="j3" type="revolute"><parent link="c"/><child link="d"/><axis xyz="0 1 0"/>
            <origin xyz="0.3 0 0"/><limit lower="-1" upper="1" effort="1" velocity="1"/></joint>
        </robot>
        """;
    UrdfRobot r = UrdfParser.parse(xml, "anonymous.urdf");
    List<Chain> chains = new EndEffectorFinder(r).chains(Set.of());
    assertEquals(1, chains.size());
    assertEquals("d", chains.get(0).tipLink());
  }
}
