// The numbers chapter 7's text states and its tests assert (the consistency check compares the
// chapter's tables with this file).
#pragma once

namespace bp::values::example_d {
constexpr unsigned kSeed = 3;           // COURSE-DESIGN's seed 003
constexpr int kSamples = 1000;          // X ~ U[0,1)^(2×1000): samples are columns
constexpr double kLearningRate = 0.01;  // SGD
constexpr int kBatchSize = 8;
constexpr int kEpochs = 100;
constexpr double kTarget = -0.8;  // 0.1 − 0.9
constexpr double kTolerance = 0.05;
}  // namespace bp::values::example_d
