package dev.flotilla.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency edges of the algorithm packages and of the transport packages beside them
 * (issue #17): no cycles between packages, and for each package exactly the other
 * {@code dev.flotilla} packages it may use, as its {@code package-info.java} states. The edges
 * were read from the compiled code and then made the rule; {@code model}, {@code cdr} and
 * {@code xml} are the shared base. A new edge is a design decision: add it here and to the
 * package's javadoc, or do without it.
 */
class AlgorithmEdgesTest {
  private static final String BASE = "dev.flotilla.";
  /** The message records generated from msg/ at build time, below {@code dev.flotilla.msgs}. */
  private static final String GENERATED_MSGS = "msgs..";

  /** Package (below dev.flotilla) → the other dev.flotilla packages it may depend on. */
  private static final Map<String, List<String>> ALLOWED = new LinkedHashMap<>();

  static {
    allow("alloc", "alloc.api", "alloc.travel", "model");
    allow("alloc.api", "model");
    allow("alloc.rebalance", "alloc", "alloc.api", "model");
    allow("alloc.travel", "alloc.api", "model");
    allow("plan", "ltl", "ltl.automaton", "ltl.poset", "plan.chain", "plan.model", "plan.task");
    allow("plan.chain", "plan.model", "plan.task");
    allow("plan.io", "model", "plan.model");
    allow("plan.model", "model");
    allow("plan.sync", "plan", "plan.chain", "plan.model", "plan.task");
    allow("plan.task", "ltl", "ltl.poset", "plan.model");
    allow("ltl", "ltl.automaton", "ltl.poset", "ltl.syntax");
    allow("ltl.automaton", "ltl.syntax");
    allow("ltl.poset", "ltl.automaton");
    allow("ltl.syntax");
    allow("bag", "bag.io", "bag.mcap", "bag.meta", "bag.msgdef", "bag.sqlite");
    allow("bag.cdr", "bag.msgdef", "cdr");
    allow("bag.io");
    allow("bag.json");
    allow("bag.mcap", "bag.io");
    allow("bag.meta");
    allow("bag.msgdef");
    allow("bag.sqlite", "bag.io", "bag.meta");
    allow("cdr");
    allow("xml");
    allow("urdf", "xml");
    allow("resume", "model", "urdf");
    allow("control", "model");
    allow("liveness");
    allow("typehash", "bag.msgdef");
    allow("journal", "model");
    allow("ros", "bag.msgdef", "cdr", "ros.params", "typehash", GENERATED_MSGS);
    allow("ros.bagio", "bag", "bag.meta", "bag.msgdef", "ros", "typehash", GENERATED_MSGS);
    allow("ros.params");
    allow("ros.action", "cdr", "ros", GENERATED_MSGS);
    allow("ros.service", "bag.msgdef", "cdr", "ros", "ros.params", "typehash", GENERATED_MSGS);
    allow("security", "ros", "ros.params", GENERATED_MSGS);
    allow("msgs", "cdr", GENERATED_MSGS);
  }

  static JavaClasses classes;

  private static void allow(String pkg, String... others) {
    ALLOWED.put(pkg, List.of(others));
  }

  @BeforeAll
  static void importProduction() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.flotilla");
  }

  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching("dev.flotilla.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Every package of the algorithm rooms, sub-packages included, is free of cycles. The generated
   * message bindings (msgs and the packages below it refer to each other) are left out.
   */
  @Test
  void algorithmPackagesAreFreeOfCyclesAtSubPackageLevel() {
    List<String> owned = new ArrayList<>();
    for (String pkg : ALLOWED.keySet()) {
      if (!pkg.equals("msgs")) {
        owned.add(BASE + pkg);
      }
    }
    slices().matching("dev.flotilla.(**)").should().beFreeOfCycles()
        .check(classes.that(resideInAnyPackage(owned.toArray(String[]::new))));
  }

  @Test
  void eachPackageUsesOnlyItsDeclaredEdges() {
    for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
      List<String> allowed = new ArrayList<>();
      allowed.add(BASE + e.getKey());
      for (String other : e.getValue()) {
        allowed.add(BASE + other);
      }
      noClasses().that().resideInAPackage(BASE + e.getKey())
          .should().dependOnClassesThat(resideInAPackage("dev.flotilla..")
              .and(not(resideInAnyPackage(allowed.toArray(String[]::new)))))
          .because("package-info.java of " + BASE + e.getKey() + " declares its edges")
          .check(classes);
    }
  }

  /** A rule about a package that no longer exists would pass silently. */
  @Test
  void everyDeclaredPackageExists() {
    for (String pkg : ALLOWED.keySet()) {
      assertTrue(classes.that(resideInAPackage(BASE + pkg)).size() > 0,
          BASE + pkg + " has no classes: update the edges");
    }
  }
}
