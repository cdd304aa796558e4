// The numbers chapter 1 quotes from ch01_step.cpp: relative errors of numerical derivatives of
// sin at x = 1. The program measures them again on every notes build and fails if one no longer
// rounds to what is written here.
#pragma once

namespace ch01_step_values {

constexpr double kCentralDoubleAt1e5 = 2.1e-11;  // the central difference in double, h = 1e-5
constexpr double kCentralFloatAt1e5 = 1.6e-3;    // the same formula in float, h = 1e-5
constexpr double kCentralFloatAt5e3 = 3.5e-6;    // in float at h = 5e-3, near float's best step
constexpr double kForwardDoubleAt1e8 = 5.5e-9;   // the forward difference in double, h = 1e-8

constexpr double kFloatSmallest = 1.3e-6;  // the float column's smallest, over every h

}  // namespace ch01_step_values
