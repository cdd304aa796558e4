#include "losses.h"

#include <cmath>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {

template <typename T>
LossAndGradient<T> mse(const Matrix<T>& prediction, const Matrix<T>& target, Reduction reduction) {
  require_same_shape("mse", "prediction", prediction, "target", target);
  if (reduction == Reduction::Mean && prediction.size() == 0) {
    throw ValueError("mse: the batch is empty, and the mean of no entries is undefined");
  }
  // [ch05.1]
  bp::todo("ch05.1", "return the loss and d/d(prediction) for HalfSum or Mean");
  // [ch05.1]
}

template <typename T>
LossAndGradient<T> binary_cross_entropy_with_logits(const Matrix<T>& logits,
                                                    const Matrix<T>& targets) {
  require_same_shape("binary_cross_entropy_with_logits", "logits", logits, "targets", targets);
  if (logits.size() == 0) {
    throw ValueError("binary_cross_entropy_with_logits: the batch is empty");
  }
  if ((targets.array() < T(0)).any() || (targets.array() > T(1)).any()) {
    throw ValueError("binary_cross_entropy_with_logits: every target must be in [0, 1]");
  }
  // [ch05.2]
  bp::todo("ch05.2", "return mean(max(z,0) - z*y + log(1 + exp(-|z|))) and (sigmoid(z) - y)/m");
  // [ch05.2]
}

template <typename T>
LossAndGradient<T> softmax_cross_entropy(const Matrix<T>& logits, const std::vector<int>& labels) {
  const Eigen::Index classes = logits.rows(), N = logits.cols();
  require_same_size("softmax_cross_entropy", "labels", labels.size(), "samples (columns of logits)",
                    static_cast<std::size_t>(N));
  if (N == 0) {
    throw ValueError("softmax_cross_entropy: the batch is empty");
  }
  for (Eigen::Index n = 0; n < N; ++n) {
    const int label = labels[static_cast<std::size_t>(n)];
    if (label < 0 || label >= classes) {
      throw ValueError("softmax_cross_entropy: sample " + std::to_string(n) + " has label " +
                       std::to_string(label) + ", outside [0, " + std::to_string(classes) + ")");
    }
  }
  // [ch05.3]
  bp::todo("ch05.3", "return the mean of logsumexp(z) - z[label] and (softmax(Z) - onehot)/N");
  // [ch05.3]
}

template <typename T>
LossAndGradient<T> l2_penalty(const Matrix<T>& W, T lambda) {
  if (!(lambda >= T(0))) {
    throw ValueError("l2_penalty: lambda must be >= 0, got " + std::to_string(lambda));
  }
  // [ch05.4]
  bp::todo("ch05.4", "return (lambda/2) * sum of W^2 and its gradient lambda * W");
  // [ch05.4]
}

template LossAndGradient<double> mse(const Matrix<double>&, const Matrix<double>&, Reduction);
template LossAndGradient<float> mse(const Matrix<float>&, const Matrix<float>&, Reduction);
template LossAndGradient<double> binary_cross_entropy_with_logits(const Matrix<double>&,
                                                                  const Matrix<double>&);
template LossAndGradient<float> binary_cross_entropy_with_logits(const Matrix<float>&,
                                                                 const Matrix<float>&);
template LossAndGradient<double> softmax_cross_entropy(const Matrix<double>&,
                                                       const std::vector<int>&);
template LossAndGradient<float> softmax_cross_entropy(const Matrix<float>&,
                                                      const std::vector<int>&);
template LossAndGradient<double> l2_penalty(const Matrix<double>&, double);
template LossAndGradient<float> l2_penalty(const Matrix<float>&, float);

}  // namespace bp::nn
