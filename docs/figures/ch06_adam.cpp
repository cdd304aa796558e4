// Measures, for chapter 6, what Adam's bias correction does. It runs the reference Adam (β₁ = 0.9,
// β₂ = 0.999, ε = 1e-8) on a constant gradient for 3000 steps next to the same update without the
// two corrections (the catalogue's adam-without-bias-correction, written out here), and writes
// the ratio of their step sizes at every step to ch06_adam.dat. It also replays the chapter's
// worked gradients 0.5, −1, 2 from p = 1 (η = 0.1) without the correction and with an L2 term
// λp (λ = 0.1) added to the gradient, and one step whose L2 term flips the gradient's sign. It
// checks the numbers chapter 6 quotes (ch06_adam_values.h).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ch06_adam_values.h"
#include "optimizers.h"
#include "quoted.h"

namespace {

using bp::nn::Matrix;

constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEpsilon = 1e-8;

// Adam as the reference computes it, but with m and v used as they are, not divided by 1 − βᵗ.
class UncorrectedAdam {
 public:
  explicit UncorrectedAdam(double learning_rate) : learning_rate_(learning_rate) {}
  // One step of p with gradient g; returns the new p.
  double step(double p, double g) {
    m_ = kBeta1 * m_ + (1.0 - kBeta1) * g;
    v_ = kBeta2 * v_ + (1.0 - kBeta2) * g * g;
    return p - learning_rate_ * m_ / (std::sqrt(v_) + kEpsilon);
  }

 private:
  double learning_rate_, m_ = 0.0, v_ = 0.0;
};

// The reference Adam on one scalar parameter.
class ReferenceAdam {
 public:
  explicit ReferenceAdam(double learning_rate)
      : adam_(learning_rate, kBeta1, kBeta2, kEpsilon),
        p_(Matrix<double>::Zero(1, 1)),
        g_(Matrix<double>::Zero(1, 1)),
        params_{bp::nn::view_of("p", p_, g_)} {}
  double step(double p, double g) {
    p_(0, 0) = p;
    g_(0, 0) = g;
    adam_.step(params_);
    return p_(0, 0);
  }

 private:
  bp::optim::Adam<double> adam_;
  Matrix<double> p_, g_;
  std::vector<bp::nn::Parameter<double>> params_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch06_adam OUTPUT_DIR\n");
    return 2;
  }
  namespace v = ch06_adam_values;
  bp::figures::Quoted q("ch06_adam", "docs/figures/ch06_adam_values.h");

  // A constant gradient: the step ratio of the uncorrected update to the corrected one.
  constexpr std::size_t kSteps = 3000;
  std::vector<double> ratio(kSteps + 1, 0.0);
  {
    ReferenceAdam corrected(1e-3);
    UncorrectedAdam uncorrected(1e-3);
    double p = 0.0, u = 0.0;
    for (std::size_t t = 1; t <= kSteps; ++t) {
      const double p_next = corrected.step(p, 1.0), u_next = uncorrected.step(u, 1.0);
      ratio[t] = (u - u_next) / (p - p_next);
      p = p_next;
      u = u_next;
    }
  }
  const std::string path = std::string(argv[1]) + "/ch06_adam.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch06_adam: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# step t  (uncorrected step) / (corrected step), constant gradient\n");
  for (std::size_t t = 1; t <= kSteps; ++t) std::fprintf(out, "%zu %.6e\n", t, ratio[t]);
  std::fclose(out);

  std::size_t peak = 1;
  for (std::size_t t = 1; t <= kSteps; ++t) {
    if (ratio[t] > ratio[peak]) peak = t;
  }
  q.check("the step ratio at t = 1", ratio[1], v::kRatioAt1, 3);
  q.check("the step ratio at t = 2", ratio[2], v::kRatioAt2, 3);
  q.check("the step ratio at t = 10", ratio[10], v::kRatioAt10, 3);
  q.check("the step of the largest ratio", static_cast<double>(peak), v::kPeakStep, 2);
  q.check("the largest step ratio", ratio[peak], v::kRatioAtPeak, 3);
  q.check("the step ratio at t = 100", ratio[100], v::kRatioAt100, 3);
  q.check("the step ratio at t = 1000", ratio[1000], v::kRatioAt1000, 3);
  q.check("the step ratio at t = 3000", ratio[3000], v::kRatioAt3000, 3);

  // The worked gradients 0.5, −1, 2 from p = 1, η = 0.1: without the correction, and with λp.
  {
    UncorrectedAdam uncorrected(0.1);
    ReferenceAdam with_l2(0.1);
    double u = 1.0, p = 1.0;
    const double gradients[] = {0.5, -1.0, 2.0};
    for (std::size_t k = 0; k < 3; ++k) {
      u = uncorrected.step(u, gradients[k]);
      p = with_l2.step(p, gradients[k] + v::kLambda * p);
      q.check("p after step " + std::to_string(k + 1) + " without bias correction", u,
              v::kUncorrected[k], 6);
      q.check("p after step " + std::to_string(k + 1) + " with the L2 term in the gradient", p,
              v::kWithL2[k], 6);
    }
  }
  // One first step from p = 1 whose L2 term λp = 0.1 outweighs the gradient −0.05.
  {
    ReferenceAdam plain(0.1), with_l2(0.1);
    q.check("p after Adam's first step on g = -0.05", plain.step(1.0, v::kSmallGradient),
            v::kFlipWithout, 6);
    q.check("p after Adam's first step on g + λp",
            with_l2.step(1.0, v::kSmallGradient + v::kLambda), v::kFlipWith, 6);
  }
  return q.status();
}
