// Task ch01.1: the central-difference derivative.
#include "central_difference.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "bp/shape.h"
#include "bp/testing/assertions.h"

namespace {

using bp::calculus::central_difference;
using bp::testing::IsNear;

// For a quadratic, f(x + h) − f(x − h) = 2h·f'(x) exactly: the central difference has no
// truncation error at all, even with a large step. A forward difference is off by h·f''/2.
TEST(CentralDifference, IsExactForAQuadraticEvenWithALargeStep) {
  auto f = [](double x) { return 3.0 * x * x - 2.0 * x + 1.0; };  // f'(x) = 6x − 2
  const double estimate = central_difference(f, 0.7, 0.1);
  EXPECT_TRUE(IsNear("central_difference(3x² − 2x + 1, x = 0.7, h = 0.1)", estimate, 2.2, 1e-12))
      << (std::abs(estimate - 2.5) < 1e-9
              ? "That is the forward difference (f(x + h) − f(x)) / h, off by h·f''/2 = 0.3."
              : "Evaluate f on both sides of x and divide by the distance between the points.");
}

// The error of the central difference is h²·f'''(x)/6, so halving h divides it by about 4
// (a forward difference's error only halves).
TEST(CentralDifference, ErrorShrinksWithTheSquareOfTheStep) {
  auto f = [](double x) { return std::sin(x); };
  const double exact = std::cos(1.0);
  const double coarse = std::abs(central_difference(f, 1.0, 1e-2) - exact);
  const double fine = std::abs(central_difference(f, 1.0, 5e-3) - exact);
  EXPECT_TRUE(IsNear("error(h = 1e-2) / error(h = 5e-3)", coarse / fine, 4.0, 0.05))
      << "Second-order means: half the step, a quarter of the error. A ratio near 2 is first "
         "order, the signature of a one-sided difference.";
}

// At the default step h = 1e-5 the estimate is good to about ten digits for smooth functions.
TEST(CentralDifference, MatchesKnownDerivativesAtTheDefaultStep) {
  EXPECT_TRUE(IsNear("d/dx exp(x) at 0.5",
                     central_difference([](double x) { return std::exp(x); }, 0.5), std::exp(0.5),
                     1e-9));
  EXPECT_TRUE(IsNear("d/dx log(x) at 2",
                     central_difference([](double x) { return std::log(x); }, 2.0), 0.5, 1e-9));
  EXPECT_TRUE(IsNear("d/dx x^3 at -1.5",
                     central_difference([](double x) { return x * x * x; }, -1.5), 6.75, 1e-9));
}

// A step must be a positive, finite number; anything else is a caller's mistake, reported clearly.
TEST(CentralDifference, AcceptsPositiveStepsAndRejectsOthers) {
  auto f = [](double x) { return x * x; };
  EXPECT_TRUE(IsNear("d/dx x² at 1 with h = 1e-3", central_difference(f, 1.0, 1e-3), 2.0, 1e-9));
  EXPECT_THROW(central_difference(f, 1.0, 0.0), bp::ValueError);
  EXPECT_THROW(central_difference(f, 1.0, -1e-3), bp::ValueError);
  EXPECT_THROW(central_difference(f, 1.0, std::numeric_limits<double>::quiet_NaN()),
               bp::ValueError);
}

}  // namespace
