// Measures, for chapter 6, what the learning rate does to plain SGD on the bowl
// f(x, y) = ½(x² + 10y²) from (1, 1): the loss at each of 60 steps for η = 0.05, 0.19 and 0.21
// (stable, nearly unstable, unstable: the limit is 2/10). Writes ch06_learning_rates.dat.
#include <cstdio>
#include <string>
#include <vector>

#include "optimizers.h"

namespace {

using bp::nn::Matrix;

std::vector<double> losses(double learning_rate, int steps) {
  Matrix<double> v(2, 1), g(2, 1);
  v << 1.0, 1.0;
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("v", v, g)};
  bp::optim::Sgd<double> sgd(learning_rate);
  std::vector<double> out;
  for (int step = 0; step <= steps; ++step) {
    out.push_back(0.5 * (v(0) * v(0) + 10.0 * v(1) * v(1)));
    g << v(0), 10.0 * v(1);
    sgd.step(params);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch06_learning_rates OUTPUT_DIR\n");
    return 2;
  }
  constexpr int kSteps = 60;
  const auto slow = losses(0.05, kSteps), edge = losses(0.19, kSteps), over = losses(0.21, kSteps);
  const std::string path = std::string(argv[1]) + "/ch06_learning_rates.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch06_learning_rates: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# step  loss(eta=0.05)  loss(eta=0.19)  loss(eta=0.21)\n");
  for (std::size_t k = 0; k <= kSteps; ++k) {
    std::fprintf(out, "%zu %.6e %.6e %.6e\n", k, slow[k], edge[k], over[k]);
  }
  std::fclose(out);
  return 0;
}
