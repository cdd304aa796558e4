// Measures, for chapter 3, worked example (B): the loss of the linear model on XOR at each of 40
// steps from W = (0.3, −0.7), b = 0.1, η = 0.5, trained with the correct MSE gradient (the
// reference's fit()), with the source article's update (residual Y − W X without b, its sign
// flipped, the factor 1/m) and with the catalogue's published-xor-gradient (the same with the
// factor 2/m). Writes the first 30 steps to ch03_xor_curves.dat. It also runs the source's update
// with the source's own η = 0.01 for 1000 steps, from the same start and from the point W* that
// the update leaves unmoved, and checks the numbers chapter 3 quotes (ch03_xor_values.h).
#include <cstdio>
#include <string>
#include <vector>

#include "ch03_xor_values.h"
#include "quoted.h"
#include "xor_regression.h"

namespace {

using bp::nn::Linear;
using bp::nn::Matrix;
using bp::nn::Vector;

Linear<double> layer(double w1, double w2, double b) {
  return Linear<double>((Matrix<double>(1, 2) << w1, w2).finished(),
                        (Vector<double>(1) << b).finished());
}

// The published update on `model`, `steps` times: d = Y − W X (b left out), then
// θ ← θ − η·c·(the gradient of d), with c = factor / m; the source's factor is 1, the catalogue's
// 2. Returns the loss before every update and after the last, steps + 1 values.
std::vector<double> published(Linear<double>& model, double factor, double eta, int steps) {
  const Matrix<double> X = bp::nn::xor_inputs(), Y = bp::nn::xor_targets();
  std::vector<double> losses;
  for (int step = 0; step <= steps; ++step) {
    losses.push_back(bp::nn::mean_squared_error(model.forward(X), Y));
    if (step == steps) break;
    // −(MSE gradient at W X) = (2/m)(Y − W X): the downhill direction, with b left out.
    const Matrix<double> WX = model.W() * X;
    model.backward(-bp::nn::mean_squared_error_gradient(WX, Y));
    for (auto& p : model.parameters()) {
      p.value -= eta * (factor / 2.0) * p.grad;  // subtracting the downhill direction: uphill
    }
  }
  return losses;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch03_xor_curves OUTPUT_DIR\n");
    return 2;
  }
  namespace v = ch03_xor_values;
  bp::figures::Quoted q("ch03_xor_curves", "docs/figures/ch03_xor_values.h");
  constexpr int kSteps = 40, kPlotted = 30;
  const Matrix<double> X = bp::nn::xor_inputs(), Y = bp::nn::xor_targets();
  Linear<double> correct = layer(0.3, -0.7, 0.1);
  const std::vector<double> good = bp::nn::fit(correct, X, Y, 0.5, kSteps + 1);
  Linear<double> source_model = layer(0.3, -0.7, 0.1), catalogue_model = layer(0.3, -0.7, 0.1);
  const std::vector<double> source = published(source_model, 1.0, 0.5, kSteps);
  const std::vector<double> catalogue = published(catalogue_model, 2.0, 0.5, kSteps);

  const std::string path = std::string(argv[1]) + "/ch03_xor_curves.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch03_xor_curves: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# step  loss(correct)  loss(source's update)  loss(catalogue's update)\n");
  for (std::size_t k = 0; k <= kPlotted; ++k) {
    std::fprintf(out, "%zu %.6e %.6e %.6e\n", k, good[k], source[k], catalogue[k]);
  }
  std::fclose(out);

  const std::size_t steps[] = {1, 2, 5, 10, 20};
  for (std::size_t i = 0; i < 5; ++i) {
    const std::string at = " after " + std::to_string(steps[i]) + " steps";
    q.check("the source's loss" + at, source[steps[i]], v::kSourceLoss[i], v::kSourceDigits[i]);
    q.check("the catalogue's loss" + at, catalogue[steps[i]], v::kCatalogueLoss[i], 6);
  }
  q.check("the source's loss ratio at step 40", source[40] / source[39], v::kSourceRatioAt40, 6);
  q.check("the catalogue's loss ratio at step 40", catalogue[40] / catalogue[39],
          v::kCatalogueRatioAt40, 5);

  // The source's own learning rate, 0.01, for its 1000 iterations.
  Linear<double> slow = layer(0.3, -0.7, 0.1);
  const std::vector<double> slow_losses = published(slow, 1.0, 0.01, 1000);
  q.check("the source's loss after 1000 steps at η = 0.01", slow_losses[1000], v::kSlowLossAt1000,
          3);
  q.check("its loss ratio at step 1000", slow_losses[1000] / slow_losses[999], v::kSlowRatioAt1000,
          6);
  // From W* = (1/3, 1/3), which the update of W leaves where it is; b still drifts.
  Linear<double> from_optimum = layer(1.0 / 3.0, 1.0 / 3.0, 0.1);
  const std::vector<double> drift = published(from_optimum, 1.0, 0.01, 1000);
  q.check("the loss at W* = (1/3, 1/3), b = 0.1", drift[0], v::kFromWStarLossAt0, 2);
  q.check("the loss from W* after 1000 steps", drift[1000], v::kFromWStarLossAt1000, 3);
  q.check("w1 after 1000 steps from W*", from_optimum.W()(0, 0), v::kWStar, 6);
  q.check("b after 1000 steps from W*", from_optimum.b()(0), v::kFromWStarBiasAt1000, 3);
  return q.status();
}
