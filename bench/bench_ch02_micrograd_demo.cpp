// micrograd's demo workload, timed: MLP(2, [16, 16, 1]) on 100 two-moons points, full batch,
// SVM max-margin loss + 1e-4 L2, 100 steps of SGD with micrograd's learning-rate schedule.
// Prints the mean milliseconds per step of each phase: the forward pass (building the graph),
// zero_grad and backward(), the update and freeing the graph, and the mean whole step they add up
// to (less the few clock readings between them); then the median, min and max whole step, and how
// many graph nodes each step builds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "mlp.h"
#include "training.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main() {
  using namespace bp::autograd;
  constexpr std::size_t kSteps = 100;
  constexpr double kAlpha = 1e-4;
  const bp::data::Points2D data = bp::data::two_moons(100, 0.1, 2);
  bp::Rng rng(1);
  MLP model(2, {16, 16, 1}, rng);

  double forward_ms = 0, backward_ms = 0, update_ms = 0, release_ms = 0;
  std::size_t nodes = 0;
  double accuracy = 0;
  std::vector<double> step_ms;
  for (std::size_t k = 0; k < kSteps; ++k) {
    const auto step_start = Clock::now();
    const std::size_t before = live_nodes();
    auto t = Clock::now();
    LossAndAccuracy result = svm_loss(model, data, kAlpha);
    forward_ms += ms_since(t);
    nodes = live_nodes() - before;
    accuracy = result.accuracy;

    t = Clock::now();
    model.zero_grad();
    result.loss.backward();
    backward_ms += ms_since(t);

    t = Clock::now();
    const double lr = 1.0 - 0.9 * static_cast<double>(k) / kSteps;
    for (const Value& p : model.parameters()) {
      p.node().data -= lr * p.grad();
    }
    update_ms += ms_since(t);

    t = Clock::now();
    result.loss = Value(0.0);  // free this step's graph
    release_ms += ms_since(t);
    step_ms.push_back(ms_since(step_start));
  }
  double total_ms = 0;
  for (double ms : step_ms) total_ms += ms;
  std::sort(step_ms.begin(), step_ms.end());
  std::printf("micrograd demo: MLP(2, [16, 16, 1]), %zu points, %zu steps, %zu parameters\n",
              data.size(), kSteps, model.parameters().size());
  std::printf("graph nodes per step: %zu\n", nodes);
  std::printf(
      "per step (mean): forward %.2f ms, backward %.2f ms, update %.3f ms, "
      "freeing the graph %.2f ms\n",
      forward_ms / kSteps, backward_ms / kSteps, update_ms / kSteps, release_ms / kSteps);
  std::printf("whole step: mean %.2f ms, median %.2f ms, min %.2f ms, max %.2f ms\n",
              total_ms / kSteps, step_ms[kSteps / 2], step_ms.front(), step_ms.back());
  std::printf("final training accuracy: %.0f%%\n", 100.0 * accuracy);
  return 0;
}
