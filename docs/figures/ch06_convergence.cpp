// Measures, for chapter 6, how many steps each optimizer of the convergence tests actually takes:
// the reference optimizers, with the tests' settings, on the bowl ½(x² + 10y²) from (1, 1) to
// within 1e-3 of (0, 0), and on Rosenbrock (1 − x)² + 100(y − x²)² from (−1.5, 2) to within 1e-2
// of (1, 1). The tests assert only budgets of about 1.5 times these counts; the chapter quotes
// the counts, and this program checks them (ch06_convergence_values.h). The functions and the
// loop are the tests' own (tests/ch06_optimizers/test_problems.h).
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ch06_convergence_values.h"
#include "optimizers.h"
#include "quoted.h"
#include "test_problems.h"

namespace {

using bp::optim::Optimizer;
using bp::testing::problems::kBowl;
using bp::testing::problems::kRosenbrock;

// The tests' loop, with no budget to speak of: the step count, or −1.
int steps_to_reach(Optimizer<double>& optimizer, const bp::testing::problems::Gradient& gradient,
                   const Eigen::Vector2d& start, const Eigen::Vector2d& target, double tolerance) {
  return bp::testing::problems::steps_to_reach(optimizer, gradient, start, target, tolerance,
                                               100000);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch06_convergence OUTPUT_DIR\n");
    return 2;
  }
  namespace v = ch06_convergence_values;
  bp::figures::Quoted q("ch06_convergence", "docs/figures/ch06_convergence_values.h");
  using Make = std::function<std::unique_ptr<Optimizer<double>>(bool rosenbrock)>;
  const struct {
    const char* name;
    Make make;
    v::Steps steps;
  } rows[] = {
      {"SGD", [](bool r) { return std::make_unique<bp::optim::Sgd<double>>(r ? 0.001 : 0.1); },
       v::kSgd},
      {"momentum",
       [](bool r) { return std::make_unique<bp::optim::Momentum<double>>(r ? 0.0005 : 0.02, 0.9); },
       v::kMomentum},
      {"Nesterov",
       [](bool r) {
         return std::make_unique<bp::optim::Momentum<double>>(r ? 0.0005 : 0.02, 0.9, true);
       },
       v::kNesterov},
      {"RMSProp",
       [](bool r) { return std::make_unique<bp::optim::RmsProp<double>>(r ? 0.001 : 0.01); },
       v::kRmsProp},
      {"Adam", [](bool r) { return std::make_unique<bp::optim::Adam<double>>(r ? 0.02 : 0.05); },
       v::kAdam},
      {"AdamW",
       [](bool r) {
         return std::make_unique<bp::optim::AdamW<double>>(r ? 0.02 : 0.05, r ? 1e-4 : 0.01);
       },
       v::kAdamW},
  };
  const std::string path = std::string(argv[1]) + "/ch06_convergence.dat";
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "ch06_convergence: cannot write %s\n", path.c_str());
    return 1;
  }
  std::fprintf(out, "# optimizer  steps(bowl)  steps(Rosenbrock)\n");
  for (const auto& row : rows) {
    const int bowl = steps_to_reach(*row.make(false), kBowl, {1.0, 1.0}, {0.0, 0.0}, 1e-3);
    const int rosen = steps_to_reach(*row.make(true), kRosenbrock, {-1.5, 2.0}, {1.0, 1.0}, 1e-2);
    std::fprintf(out, "%s %d %d\n", row.name, bowl, rosen);
    const std::string name = row.name;
    q.check(name + "'s steps on the bowl", bowl, row.steps.bowl, 6);
    q.check(name + "'s steps on Rosenbrock", rosen, row.steps.rosenbrock, 6);
  }
  std::fclose(out);
  return q.status();
}
