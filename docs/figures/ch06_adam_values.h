// The numbers chapter 6 quotes from ch06_adam.cpp (Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8);
// the program measures them again on every notes build and fails if one no longer rounds to
// what is written here.
#pragma once

namespace ch06_adam_values {

// A constant gradient: (step without bias correction) / (step with it), at step t.
constexpr double kRatioAt1 = 3.16, kRatioAt2 = 4.25, kRatioAt10 = 6.53, kRatioAt100 = 3.24;
constexpr double kRatioAt1000 = 1.26, kRatioAt3000 = 1.03;
constexpr double kPeakStep = 12, kRatioAtPeak = 6.57;  // the largest ratio, and its step

// From p = 1 with the gradients 0.5, −1, 2 and η = 0.1: p after each step, without the
// correction, and with an L2 term λp (λ = 0.1) added to the gradient.
constexpr double kLambda = 0.1;
constexpr double kUncorrected[] = {0.683772, 0.839351, 0.631612};
constexpr double kWithL2[] = {0.9, 0.925264, 0.877617};

// One first step from p = 1 (η = 0.1) on a small gradient, without and with λp added.
constexpr double kSmallGradient = -0.05;
constexpr double kFlipWithout = 1.1, kFlipWith = 0.9;

}  // namespace ch06_adam_values
