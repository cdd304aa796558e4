// Measures, for chapter 3, worked example (B): the loss of the linear model on XOR at each of 30
// steps, trained with the correct MSE gradient and with the published one (sign flipped, bias
// left out of the residual, as the seed article writes it), from W = (0.3, −0.7), b = 0.1,
// η = 0.5. Writes ch03_xor_curves.dat.
#include <cstdio>
#include <string>
#include <vector>

#include "xor_regression.h"

namespace {

using bp::nn::Linear;
using bp::nn::Matrix;
using bp::nn::Vector;

Linear<double> start() {
  return Linear<double>((Matrix<double>(1, 2) << 0.3, -0.7).finished(),
                        (Vector<double>(1) << 0.1).finished());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch03_xor_curves OUTPUT_DIR\n");
    return 2;
  }
  constexpr int kSteps = 30;
  const Matrix<double> X = bp::nn::xor_inputs(), Y = bp::nn::xor_targets();
  Linear<double> correct = start();
  const std::vector<double> good = bp::nn::fit(correct, X, Y, 0.5, kSteps + 1);

  // The published update: residual Y − W X without b, and the gradient's sign flipped, so the
  // step adds what gradient descent subtracts.
  Linear<double> published = start();
  std::vector<double> bad;
  for (int step = 0; step <= kSteps; ++step) {
    const Matrix<double> Z = published.forward(X);
    bad.push_back(bp::nn::mean_squared_error(Z, Y));
    const Matrix<double> residual = Y - published.W() * X;  // b left out
    published.backward(-bp::nn::mean_squared_error_gradient(Matrix<double>(Y - residual), Y));
    for (auto& p : published.parameters()) {
      p.value -= 0.5 * p.grad;
    }
  }
  const std::string path = std::string(argv[1]) + "/ch03_xor_curves.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch03_xor_curves: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# step  loss(correct gradient)  loss(published gradient)\n");
  for (std::size_t k = 0; k <= kSteps; ++k) {
    std::fprintf(out, "%zu %.6e %.6e\n", k, good[k], bad[k]);
  }
  std::fclose(out);
  return 0;
}
