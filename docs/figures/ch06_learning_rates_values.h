// The numbers chapter 6 quotes from ch06_learning_rates.cpp: SGD on ½(x² + 10y²) from (1, 1). The
// program measures them again on every notes build and fails if one no longer rounds to what is
// written here.
#pragma once

namespace ch06_learning_rates_values {

constexpr double kStart = 5.5;                             // the loss at (1, 1)
constexpr double kAfter60[] = {1.06e-3, 1.61e-5, 4.64e5};  // for η = 0.05, 0.19 and 0.21
constexpr double kLastRatioOver = 1.21;  // η = 0.21: the loss grows by 1.1² a step
constexpr double kOvertakenAt = 22;      // the first step where η = 0.19 is below η = 0.05

}  // namespace ch06_learning_rates_values
