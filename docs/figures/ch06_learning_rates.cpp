// Measures, for chapter 6, what the learning rate does to plain SGD on the bowl
// f(x, y) = ½(x² + 10y²) from (1, 1): the loss at each of 60 steps for η = 0.05, 0.19 and 0.21
// (stable, nearly unstable, unstable: the limit is 2/10). Writes ch06_learning_rates.dat and checks
// the numbers chapter 6 quotes (ch06_learning_rates_values.h).
#include <cstdio>
#include <string>
#include <vector>

#include "ch06_learning_rates_values.h"
#include "optimizers.h"
#include "quoted.h"

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

  namespace v = ch06_learning_rates_values;
  bp::figures::Quoted q("ch06_learning_rates", "docs/figures/ch06_learning_rates_values.h");
  q.check("the loss at the start", slow[0], v::kStart, 2);
  q.check("the loss after 60 steps at eta = 0.05", slow[kSteps], v::kAfter60[0], 3);
  q.check("the loss after 60 steps at eta = 0.19", edge[kSteps], v::kAfter60[1], 3);
  q.check("the loss after 60 steps at eta = 0.21", over[kSteps], v::kAfter60[2], 3);
  q.check("the ratio of the last two losses at eta = 0.21", over[kSteps] / over[kSteps - 1],
          v::kLastRatioOver, 3);
  std::size_t overtaken = 0;
  while (overtaken <= kSteps && slow[overtaken] <= edge[overtaken]) ++overtaken;
  q.check("the first step where eta = 0.19 is below eta = 0.05", static_cast<double>(overtaken),
          v::kOvertakenAt, 2);
  return q.status();
}
