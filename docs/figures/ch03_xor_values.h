// The numbers chapter 3 quotes from ch03_xor_curves.cpp: what the published update of worked
// example (B) does, from W = (0.3, −0.7), b = 0.1. The program measures them again on every notes
// build and fails if one no longer rounds to what is written here.
#pragma once

namespace ch03_xor_values {

// The loss after 1, 2, 5, 10 and 20 updates at η = 0.5, with the source's update (factor 1/m) and
// with the catalogue's published-xor-gradient (factor 2/m).
constexpr double kSourceLoss[] = {1.8107, 4.19366, 37.948, 995.37, 577123};
constexpr int kSourceDigits[] = {5, 6, 5, 5, 6};
constexpr double kCatalogueLoss[] = {3.51531, 13.6502, 461.805, 123357, 8.90541e9};
// The ratio of successive losses at step 40: 1.375² and 1.75², the square of the larger factor.
constexpr double kSourceRatioAt40 = 1.89062, kCatalogueRatioAt40 = 3.0625;

// The source's update with its own η = 0.01, 1000 steps: the loss at the end, and the ratio of
// the last two losses (1.0075² = 1.01506 in the limit).
constexpr double kSlowLossAt1000 = 5.23e6, kSlowRatioAt1000 = 1.01505;

// From W* = (1/3, 1/3), b = 0.1, η = 0.01: W stays, b drifts by η(1/m)(2/3) a step.
constexpr double kWStar = 0.333333;
constexpr double kFromWStarLossAt0 = 0.31, kFromWStarLossAt1000 = 3.31;
constexpr double kFromWStarBiasAt1000 = -1.57;

}  // namespace ch03_xor_values
