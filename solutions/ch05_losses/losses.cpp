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
  const Matrix<T> residual = prediction - target;  // ŷ − y: its sign fixes the gradient's
  if (reduction == Reduction::HalfSum) {
    return {T(0.5) * residual.squaredNorm(), residual};
  }
  const T m = static_cast<T>(prediction.size());
  return {residual.squaredNorm() / m, (T(2) / m) * residual};
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
  const T m = static_cast<T>(logits.size());
  // −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^(−|z|)): no exp overflows
  // and no log of 0, whatever z is.
  const auto z = logits.array();
  const T loss = (z.max(T(0)) - z * targets.array() + (T(1) + (-z.abs()).exp()).log()).sum() / m;
  const Matrix<T> sigma = z.unaryExpr([](T v) {
    const T e = std::exp(-std::abs(v));
    return v >= T(0) ? T(1) / (T(1) + e) : e / (T(1) + e);
  });
  return {loss, (sigma - targets) / m};
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
  // log softmax = z − logsumexp(z), with logsumexp(z) = m + log Σ e^(z − m), m the column's max:
  // every exponent is ≤ 0, so nothing overflows, and no probability is ever logged.
  const Eigen::Matrix<T, 1, Eigen::Dynamic> max = logits.colwise().maxCoeff();
  const Matrix<T> exps = (logits.rowwise() - max).array().exp().matrix();
  const Eigen::Matrix<T, 1, Eigen::Dynamic> sums = exps.colwise().sum();
  T loss = T(0);
  Matrix<T> gradient = exps.array().rowwise() / sums.array();  // softmax(Z), (classes, N)
  for (Eigen::Index n = 0; n < N; ++n) {
    const Eigen::Index y = labels[static_cast<std::size_t>(n)];
    loss += max(n) + std::log(sums(n)) - logits(y, n);  // logsumexp − z_y
    gradient(y, n) -= T(1);                             // softmax − onehot
  }
  const T count = static_cast<T>(N);
  return {loss / count, gradient / count};
  // [ch05.3]
}

template <typename T>
LossAndGradient<T> l2_penalty(const Matrix<T>& W, T lambda) {
  if (!(lambda >= T(0))) {
    throw ValueError("l2_penalty: lambda must be >= 0, got " + std::to_string(lambda));
  }
  // [ch05.4]
  return {T(0.5) * lambda * W.squaredNorm(), lambda * W};
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
