// The numbers chapter 7 quotes from ch07_runs.cpp, the seeded runs of its tests measured rather
// than bounded. The program measures them again on every notes build and fails if one no longer
// rounds to what is written here.
#pragma once

namespace ch07_runs_values {

// ‖Y‖² / ‖X‖² after ten ReLU layers of width 256 (HeInit.KeepsTheSignalOfADeepReluNetwork):
// seed 13, and the range over seeds 1 to 20.
constexpr double kHeSeed13 = 0.405, kDefaultSeed13 = 6.8e-4;
constexpr double kHeSeedsMin = 0.40, kHeSeedsMax = 1.35;
constexpr double kDefaultSeedsMin = 5.7e-4, kDefaultSeedsMax = 9.0e-4;

// Worked example (D): the prediction at (0.1, 0.9), target −0.8, after training with SGD 0.01.
struct ExampleDRun {
  int batch_size, epochs;
  double prediction;
};
constexpr ExampleDRun kExampleD[] = {{8, 100, -0.8032},  {32, 100, -0.05618}, {32, 200, -0.7224},
                                     {32, 500, -0.8020}, {8, 26, -0.07346},   {8, 50, -0.7148}};

// TrainingOnXor.ReachesFullAccuracy: the mean loss of epochs 1, 50 and 200.
constexpr double kXorLossEpoch1 = 0.686, kXorLossEpoch50 = 0.0015, kXorLossEpoch200 = 2.5e-4;

}  // namespace ch07_runs_values
