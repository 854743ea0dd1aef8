package dev.flotilla.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {

  @Test
  void labelsOfNearbyMarkersNeitherOverlapNorLeaveThePlot() {
    LabelPlacer placer = new LabelPlacer(0, 0, 400, 300);
    List<double[]> boxes = new ArrayList<>();
    double[][] markers = {{200, 150}, {200, 150}, {205, 152}, {395, 5}, {390, 295}};
    for (double[] m : markers) {
      double[] at = placer.place(m[0], m[1], 120, 26);
      double[] box = {at[0], at[1], at[0] + 120, at[1] + 26};
      assertTrue(box[0] >= 0 && box[2] <= 400 && box[1] >= 0 && box[3] <= 300,
          "inside the plot: " + Arrays.toString(box));
      for (double[] other : boxes) {
        assertFalse(box[0] < other[2] && other[0] < box[2] && box[1] < other[3]
            && other[1] < box[3], "overlap");
      }
      boxes.add(box);
    }
  }
}
