package dev.flotilla.alloc;

import dev.flotilla.alloc.api.AllocationProblem;
import dev.flotilla.alloc.api.CapabilityModel;
import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.travel.StraightLineTravel;
import dev.flotilla.model.Point3;
import java.util.List;
import java.util.Map;

/** Tables 1 and 2 of seed 001 (§4). The paper leaves α, β, σ_f, δ and ω_i open; see PARAMS. */
public final class PaperScenario {
  private PaperScenario() {}

  static double alpha = 1.0;
  static double beta = 1e-3;
  static double sigmaF = 1e-5;
  static double delta = 1.0;
  static double omega = 1.0;

  public static AllocationProblem problem() {
    List<Robot> robots = List.of(
        Robot.of("A1", Point3.of(0, 0), 10, 0.25, omega),
        Robot.of("A2", Point3.of(1000, 0), 20, 0.25, omega),
        Robot.of("A3", Point3.of(3000, 0), 10, 0.25, omega),
        Robot.of("A4", Point3.of(6000, 6000), 20, 0.25, omega));
    List<Task> tasks = List.of(
        Task.of("T1", Point3.of(4000, 4000), 2, 10, 5e-4),
        Task.of("T2", Point3.of(2000, 2000), 2, 20, 5e-4),
        Task.of("T3", Point3.of(0, 2000), 2, 10, 5e-4),
        Task.of("T4", Point3.of(2000, 4000), 2, 10, 5e-4));
    Map<String, Map<String, Double>> lambda = Map.of(
        "A1", Map.of("T1", 0.5, "T2", 0.5, "T3", 1.0, "T4", 1.0),
        "A2", Map.of("T1", 1.0, "T2", 1.0, "T3", 0.5, "T4", 0.5),
        "A3", Map.of("T1", 0.5, "T2", 1.0, "T3", 1.0, "T4", 0.5),
        "A4", Map.of("T1", 1.0, "T2", 0.5, "T3", 0.5, "T4", 1.0));
    return new AllocationProblem(robots, tasks, CapabilityModel.ofTable(lambda),
        new StraightLineTravel(), UtilityParams.of(alpha, beta, sigmaF, delta));
  }
}
