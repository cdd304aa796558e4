// Measures, for chapter 1, how the error of a numerical derivative depends on the step h: the
// relative error of the central difference (the reference's central_difference, in double, and the
// same formula in float) and of the forward difference (double) for f = sin at x = 1, for h from
// 1 down to 1e-12. Writes ch01_step.dat and checks the numbers chapter 1 quotes
// (ch01_step_values.h).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "central_difference.h"
#include "ch01_step_values.h"
#include "quoted.h"

namespace {

const double kExact = std::cos(1.0);

double relative_error(double estimate) { return std::fabs(estimate - kExact) / std::fabs(kExact); }

double central_double(double h) {
  return relative_error(
      bp::calculus::central_difference([](double x) { return std::sin(x); }, 1.0, h));
}

// The same formula with every number a float: f, x, h and the arithmetic.
double central_float(double step) {
  const float x = 1.0f, h = static_cast<float>(step);
  const float estimate = (std::sin(x + h) - std::sin(x - h)) / (2.0f * h);
  return relative_error(static_cast<double>(estimate));
}

double forward_double(double h) { return relative_error((std::sin(1.0 + h) - std::sin(1.0)) / h); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch01_step OUTPUT_DIR\n");
    return 2;
  }
  const std::string path = std::string(argv[1]) + "/ch01_step.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch01_step: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# h  central(double)  central(float)  forward(double): relative errors\n");
  double float_smallest = 1.0;
  for (int k = 0; k <= 48; ++k) {  // h = 10^(−k/4)
    const double h = std::pow(10.0, -k / 4.0);
    std::fprintf(out, "%.6e %.6e %.6e %.6e\n", h, central_double(h), central_float(h),
                 forward_double(h));
    float_smallest = std::min(float_smallest, central_float(h));
  }
  std::fclose(out);

  namespace v = ch01_step_values;
  bp::figures::Quoted q("ch01_step", "docs/figures/ch01_step_values.h");
  q.check("the central difference in double at h = 1e-5", central_double(1e-5),
          v::kCentralDoubleAt1e5, 2);
  q.check("the central difference in float at h = 1e-5", central_float(1e-5), v::kCentralFloatAt1e5,
          2);
  q.check("the central difference in float at h = 5e-3", central_float(5e-3), v::kCentralFloatAt5e3,
          2);
  q.check("the forward difference in double at h = 1e-8", forward_double(1e-8),
          v::kForwardDoubleAt1e8, 2);
  q.check("the smallest error of the float column", float_smallest, v::kFloatSmallest, 2);
  return q.status();
}
