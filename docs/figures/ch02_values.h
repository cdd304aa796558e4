// The numbers chapter 2 quotes from ch02_graphs.cpp about backward() done wrong; the program
// computes them again on every notes build and fails if one no longer rounds to what is written
// here.
#pragma once

namespace ch02_values {

// b = a + a, c = b + b: ∂c/∂a, what the naive recursion returns, and what a.grad holds after
// micrograd's backward() is called twice.
constexpr double kDoublingTrue = 4, kDoublingNaive = 8, kDoublingMicrogradTwice = 12;
// h = 2x, u = h + 1, v = 3h, r = u + v: ∂r/∂x, and what the naive recursion returns.
constexpr double kReuseTrue = 8, kReuseNaive = 10;
// micrograd's README expression: g, its gradients after one backward(), and after micrograd's
// second backward().
constexpr double kReadmeG = 24.7041, kReadmeDgDa = 138.8338, kReadmeDgDb = 645.5773;
constexpr double kReadmeDgDaTwice = 1852.2653, kReadmeDgDbTwice = 8352.3732;

}  // namespace ch02_values
