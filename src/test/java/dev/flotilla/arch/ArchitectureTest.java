package dev.flotilla.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the dependency direction of DEVELOPERS.md: model ← algorithms ← fleet ← nodes/ros ← cli.
 * Algorithms and the fleet layer are plain Java and know nothing of ROS or DDS.
 */
class ArchitectureTest {
  static final String[] MODEL = {"dev.flotilla.model..", "dev.flotilla.cdr..",
      "dev.flotilla.xml.."};
  static final String[] ALGORITHMS = {"dev.flotilla.urdf..", "dev.flotilla.resume..",
      "dev.flotilla.ltl..", "dev.flotilla.plan..", "dev.flotilla.alloc..",
          "dev.flotilla.liveness..",
      "dev.flotilla.bag..", "dev.flotilla.control..", "dev.flotilla.typehash..",
      "dev.flotilla.journal..", "dev.flotilla.report.."};
  static final String[] FLEET = {"dev.flotilla.fleet.."};
  static final String[] ROS = {"dev.flotilla.ros..", "dev.flotilla.node..",
      "dev.flotilla.msgs..", "dev.flotilla.security.."};
  static final String[] APPS = {"dev.flotilla.sim..", "dev.flotilla.bench..",
      "dev.flotilla.cockpit..", "dev.flotilla.dashboard..", "dev.flotilla.problem.."};
  static final String[] CLI = {"dev.flotilla.cli.."};

  static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.flotilla");
  }

  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Model").definedBy(MODEL)
        .layer("Algorithms").definedBy(ALGORITHMS)
        .layer("Fleet").definedBy(FLEET)
        .layer("Ros").definedBy(ROS)
        .layer("Apps").definedBy(APPS)
        .layer("Cli").definedBy(CLI)
        .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("Apps").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Ros").mayOnlyBeAccessedByLayers("Apps", "Cli")
        .whereLayer("Fleet").mayOnlyBeAccessedByLayers("Ros", "Apps", "Cli")
        .whereLayer("Algorithms").mayOnlyBeAccessedByLayers("Fleet", "Ros", "Apps", "Cli")
        .whereLayer("Model").mayOnlyBeAccessedByLayers("Algorithms", "Fleet", "Ros", "Apps",
            "Cli")
        .check(classes);
  }

  @Test
  void algorithmsAndModelKnowNothingOfDds() {
    noClasses().that().resideInAnyPackage(concat(MODEL, ALGORITHMS))
        .should().dependOnClassesThat().resideInAnyPackage("us.ihmc..", "com.eprosima..")
        .check(classes);
  }

  /** The fleet layer (issue #17) takes and returns model types: no messages, transport or apps. */
  @Test
  void fleetKnowsNothingOfMessagesNodesOrApps() {
    noClasses().that().resideInAnyPackage(FLEET)
        .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.msgs..",
            "dev.flotilla.ros..", "dev.flotilla.node..", "dev.flotilla.cli..",
            "dev.flotilla.security..", "dev.flotilla.sim..", "dev.flotilla.bench..", "us.ihmc..",
            "com.eprosima..")
        .check(classes);
  }

  /**
   * Security (issue #8) sits between the transport and the nodes: it decorates a Bus and may use
   * ros and msgs, but nodes use it, never the other way round.
   */
  @Test
  void securityKnowsNothingOfNodesOrCli() {
    noClasses().that().resideInAPackage("dev.flotilla.security..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.flotilla.node..",
            "dev.flotilla.cli..")
        .check(classes);
  }

  @Test
  void everyClassBelongsToALayer() {
    classes().should().resideInAnyPackage(
        concat(concat(MODEL, ALGORITHMS), concat(FLEET, concat(ROS, concat(APPS, CLI)))))
        .check(classes);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
