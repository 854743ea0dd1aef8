package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.chain.ActionChainSearch;
import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.task.SubtaskSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Algorithm 1 of seed 003 on the track field of Section 5. */
class ActionPathChainTest {

  private final Scenario field = Fixtures.trackfield();

  private List<List<ChainStep>> chains(Environment env, String type, SubtaskSpec s) {
    return new ActionPathChainBuilder(env, field.actions())
        .build(field.agentTypes().get(type), s).stream().map(ActionPathChain::steps).toList();
  }

  @Test
  void example2_supplyWaterAtR1IsPrecededByGetWaterWhereWaterIs() {
    List<List<String>> act =
        new ActionChainSearch(field.agentTypes().get("volunteer")).chainsFor("sw");
    assertEquals(List.of(List.of("gw", "sw")), act);
    List<List<ChainStep>> mot = chains(field.environment(), "volunteer",
        SubtaskSpec.of(1, "sw", "r1"));
    assertTrue(
        mot.contains(List.of(new ChainStep("gw", "s1"), new ChainStep("sw", "r1"))), mot::toString);
    // Water is stored at s1 and s2 only, so those are the only places gw may run.
    assertEquals(
        Set.of(
            List.of(new ChainStep("gw", "s1"), new ChainStep("sw", "r1")),
            List.of(new ChainStep("gw", "s2"), new ChainStep("sw", "r1"))),
        Set.copyOf(mot));
  }

  @Test
  void phi6_getIllnessChainIsGetThenPut() {
    Environment withIllness =
        field.environment().withAddedResources(Map.of("f6", Map.of("illness", 1)));
    SubtaskSpec gi = new SubtaskSpec(3, "gi", "f6", Set.of(), Set.of("Vo_f6", "Ju_f6"));
    assertEquals(
        List.of(List.of("gi", "pi")),
        new ActionChainSearch(field.agentTypes().get("doctor")).chainsFor("gi"));
    List<List<ChainStep>> mot = chains(withIllness, "doctor", gi);
    assertTrue(
        mot.contains(List.of(new ChainStep("gi", "f6"), new ChainStep("pi", "r3"))), mot::toString);
    assertEquals(4, mot.size(), "pi may end at any service area r1-r4: " + mot);
    assertTrue(chains(withIllness, "volunteer", gi).isEmpty());
    assertTrue(chains(withIllness, "referee", gi).isEmpty());
  }

  @Test
  void getIllnessHasNoChainWhereThereIsNoIllness() {
    assertTrue(chains(field.environment(), "doctor", SubtaskSpec.of(3, "gi", "f6")).isEmpty());
  }

  @Test
  void brineCanBeFetchedOrMadeFromWaterAndSalt() {
    List<List<String>> act =
        new ActionChainSearch(field.agentTypes().get("volunteer")).chainsFor("sb");
    assertEquals(Set.of(List.of("gb", "sb"), List.of("gw", "as", "sb")), Set.copyOf(act));
    List<List<ChainStep>> mot = chains(field.environment(), "volunteer",
        SubtaskSpec.of(0, "sb", "r1"));
    // gb only at s2 (brine), gw at s1 or s2 then as at s1 (salt): 1 + 2 chains.
    assertEquals(3, mot.size(), mot::toString);
    assertTrue(
        mot.contains(
            List.of(
                new ChainStep("gw", "s2"), new ChainStep("as", "s1"), new ChainStep("sb", "r1"))));
  }

  @Test
  void excludedTypeGetsNoChain() {
    SubtaskSpec dc = new SubtaskSpec(0, "dc", "f4", Set.of("Do"), Set.of());
    assertTrue(chains(field.environment(), "doctor", dc).isEmpty());
    assertEquals(
        List.of(List.of(new ChainStep("dc", "f4"))), chains(field.environment(), "referee", dc));
  }

  @Test
  void chainsDependOnAgentTypesNotOnFleetSize() {
    SubtaskSpec sw = SubtaskSpec.of(0, "sw", "r2");
    ChainLibrary lib =
        new ChainLibrary(field.environment(), field.actions(), field.agentTypes().values());
    List<ActionPathChain> once = lib.chains(sw);
    // The library never sees agents; asking again hits the cache with identical chains.
    assertEquals(once, lib.chains(sw));
    assertEquals(2, once.size());
  }
}
