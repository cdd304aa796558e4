#include "minibatch.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {
namespace {

void require_index(const char* function, Eigen::Index i, Eigen::Index n) {
  if (i < 0 || i >= n) {
    throw ValueError(std::string(function) + ": index " + std::to_string(i) +
                     " is out of range for " + std::to_string(n) + " samples");
  }
}

Eigen::Index sample_count(const std::vector<int>& labels) {
  return static_cast<Eigen::Index>(labels.size());
}

template <typename T>
Eigen::Index sample_count(const Matrix<T>& targets) {
  return targets.cols();
}

template <typename T, typename Targets>
void require_batches(const Matrix<T>& X, const Targets& targets, Eigen::Index batch_size) {
  if (X.cols() == 0) {
    throw ValueError("train_epoch: there are no samples (X is (" + std::to_string(X.rows()) +
                     ", 0))");
  }
  if (batch_size < 1) {
    throw ValueError("train_epoch: batch_size must be at least 1, got " +
                     std::to_string(batch_size));
  }
  if (sample_count(targets) != X.cols()) {
    throw ValueError("train_epoch: X has " + std::to_string(X.cols()) + " samples (columns) but " +
                     "there are " + std::to_string(sample_count(targets)) + " targets");
  }
}

}  // namespace

template <typename T>
Matrix<T> take(const Matrix<T>& X, std::span<const Eigen::Index> indices) {
  for (const Eigen::Index i : indices) require_index("take", i, X.cols());
  const std::size_t count = indices.size();
  Matrix<T> out(X.rows(), static_cast<Eigen::Index>(count));
  // The columns lie anywhere in a large X, so copying them waits on memory. Asking for the column
  // after next while copying this one (one hint per 64-byte cache line) made chapter 7's training
  // 8% faster at batch 32.
  constexpr std::size_t kAhead = 2;
  constexpr Eigen::Index kLine = 64 / static_cast<Eigen::Index>(sizeof(T));
  for (std::size_t j = 0; j < count; ++j) {
    if (j + kAhead < count) {
      const T* later = X.col(indices[j + kAhead]).data();
      for (Eigen::Index r = 0; r < X.rows(); r += kLine) __builtin_prefetch(later + r);
    }
    out.col(static_cast<Eigen::Index>(j)) = X.col(indices[j]);
  }
  return out;
}

std::vector<int> take(const std::vector<int>& labels, std::span<const Eigen::Index> indices) {
  std::vector<int> out;
  out.reserve(indices.size());
  for (const Eigen::Index i : indices) {
    require_index("take", i, sample_count(labels));
    out.push_back(labels[static_cast<std::size_t>(i)]);
  }
  return out;
}

std::vector<Eigen::Index> shuffled_order(Eigen::Index n, Rng& rng) {
  std::vector<Eigen::Index> order(static_cast<std::size_t>(std::max<Eigen::Index>(n, 0)));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  // Fisher–Yates, written out: std::shuffle's use of the engine differs between standard
  // libraries, and the seeded tests should give the same order everywhere. (The modulo's bias,
  // below 2⁻⁴⁰ for any n here, does not matter.)
  for (std::size_t i = order.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(rng() % static_cast<std::uint64_t>(i));
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

template <typename T, typename Targets>
T train_step(Sequential<T>& model, const Objective<T, Targets>& objective,
             optim::Optimizer<T>& optimizer, const Matrix<T>& X, const Targets& targets) {
  // [ch07.3/step]
  bp::todo("ch07.3", "forward, objective, backward, optimizer.step(parameters); return the loss");
  // [ch07.3/step]
}

template <typename T, typename Targets>
std::vector<T> train_epoch(Sequential<T>& model, const Objective<T, Targets>& objective,
                           optim::Optimizer<T>& optimizer, const Matrix<T>& X,
                           const Targets& targets, Eigen::Index batch_size, Rng& rng,
                           const StepObserver<T>& observe) {
  require_batches(X, targets, batch_size);
  std::vector<T> losses;
  // [ch07.3/epoch]
  bp::todo("ch07.3", "shuffled_order, then train_step per batch of take(X, b), take(targets, b)");
  // [ch07.3/epoch]
  return losses;
}

template <typename T, typename Targets>
std::vector<T> fit(Sequential<T>& model, const Objective<T, Targets>& objective,
                   optim::Optimizer<T>& optimizer, const Matrix<T>& X, const Targets& targets,
                   int epochs, Eigen::Index batch_size, Rng& rng,
                   const std::function<void(int epoch, T mean_loss)>& after_epoch,
                   const StepObserver<T>& observe) {
  std::vector<T> means;
  model.set_training(true);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    double weighted = 0;  // Σ batch loss × batch size: a smaller last batch counts less
    const StepObserver<T> check = [&](std::size_t step, Eigen::Index samples, T loss) {
      weighted += static_cast<double>(loss) * static_cast<double>(samples);
      if (!std::isfinite(loss)) {
        throw ValueError("fit: the loss became " + std::to_string(loss) + " at epoch " +
                         std::to_string(epoch + 1) + ", step " + std::to_string(step + 1) +
                         "; the learning rate may be too large");
      }
      if (observe) observe(step, samples, loss);
    };
    train_epoch(model, objective, optimizer, X, targets, batch_size, rng, check);
    means.push_back(static_cast<T>(weighted / static_cast<double>(X.cols())));
    if (after_epoch) after_epoch(epoch, means.back());
  }
  return means;
}

#define BP_INSTANTIATE(T, Targets)                                                           \
  template T train_step<T, Targets>(Sequential<T>&, const Objective<T, Targets>&,            \
                                    optim::Optimizer<T>&, const Matrix<T>&, const Targets&); \
  template std::vector<T> train_epoch<T, Targets>(                                           \
      Sequential<T>&, const Objective<T, Targets>&, optim::Optimizer<T>&, const Matrix<T>&,  \
      const Targets&, Eigen::Index, Rng&, const StepObserver<T>&);                           \
  template std::vector<T> fit<T, Targets>(                                                   \
      Sequential<T>&, const Objective<T, Targets>&, optim::Optimizer<T>&, const Matrix<T>&,  \
      const Targets&, int, Eigen::Index, Rng&, const std::function<void(int, T)>&,           \
      const StepObserver<T>&);
BP_INSTANTIATE(double, std::vector<int>)
BP_INSTANTIATE(double, Matrix<double>)
BP_INSTANTIATE(float, std::vector<int>)
BP_INSTANTIATE(float, Matrix<float>)
#undef BP_INSTANTIATE
template Matrix<double> take<double>(const Matrix<double>&, std::span<const Eigen::Index>);
template Matrix<float> take<float>(const Matrix<float>&, std::span<const Eigen::Index>);

}  // namespace bp::nn
