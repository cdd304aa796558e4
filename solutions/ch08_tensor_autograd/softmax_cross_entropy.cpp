// Task ch08.6: softmax and cross-entropy, fused and stable, as one operation with a 1×1 result.
// Its rule is chapter 5's gradient (softmax(Z) − onehot(y)) / N, times the upstream gradient.
#include <cmath>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "tensor_ops.h"

namespace bp::autograd {
namespace {

template <typename T>
using Row = Eigen::Matrix<T, 1, Eigen::Dynamic>;

// L = (1/N) Σₙ [logsumexp(z⋅ₙ) − z_{yₙ,n}], returned; P = softmax(Z) kept for the rule.
// Z, P (classes, N); labels: N class numbers, already checked to be in range.
template <typename T>
T cross_entropy_forward(const Matrix<T>& Z, const std::vector<int>& labels, Matrix<T>& P) {
  // [ch08.6/forward]
  // logsumexp(z) = m + log Σ e^(z − m), m the column's maximum: every exponent is ≤ 0.
  const Row<T> max = Z.colwise().maxCoeff();
  P = (Z.rowwise() - max).array().exp();
  const Row<T> total = P.colwise().sum();  // each ≥ 1: the maximum contributes e⁰
  P.array().rowwise() /= total.array();
  T loss = 0;
  for (Eigen::Index n = 0; n < Z.cols(); ++n) {
    loss += max(n) + std::log(total(n)) - Z(labels[static_cast<std::size_t>(n)], n);
  }
  return loss / static_cast<T>(Z.cols());
  // [ch08.6/forward]
}

// In the forward pass L = (1/N) Σₙ ℓₙ with ∂ℓₙ/∂z⋅ₙ = softmax(z⋅ₙ) − onehot(yₙ) (chapter 5), so
//   dZ = dL · (P − onehot(y)) / N   (classes, N), with dL the (1, 1) Y.grad and P = Y.saved.
template <typename T>
void cross_entropy_backward(const TensorNode<T>& Y, TensorNode<T>& Z) {
  // [ch08.6/backward]
  const T scale = Y.grad(0, 0) / static_cast<T>(Z.value.cols());
  Z.grad += scale * Y.saved;
  for (Eigen::Index n = 0; n < Z.value.cols(); ++n) {
    Z.grad(Y.labels[static_cast<std::size_t>(n)], n) -= scale;
  }
  // [ch08.6/backward]
}

}  // namespace

template <typename T>
Tensor<T> softmax_cross_entropy(const Tensor<T>& logits, const std::vector<int>& labels) {
  const Eigen::Index classes = logits.rows(), N = logits.cols();
  require_same_size("softmax_cross_entropy", "labels", labels.size(),
                    "samples (columns of the logits)", static_cast<std::size_t>(N));
  if (N == 0) {
    throw ValueError("softmax_cross_entropy: the batch is empty");
  }
  for (std::size_t n = 0; n < labels.size(); ++n) {
    if (labels[n] < 0 || labels[n] >= classes) {
      throw ValueError("softmax_cross_entropy: sample " + std::to_string(n) + " has label " +
                       std::to_string(labels[n]) + ", outside [0, " + std::to_string(classes) +
                       ")");
    }
  }
  Matrix<T> P;
  const T loss = cross_entropy_forward(logits.value(), labels, P);
  if (P.rows() != classes || P.cols() != N) {  // the rule reads P: it must be softmax(Z)
    throw ShapeError("softmax_cross_entropy: the forward pass left P = softmax(Z) with shape " +
                     shape_of(P) + ", but the rule needs it in the logits' shape " +
                     shape_string(classes, N));
  }
  Tensor<T> Y = record("softmax_cross_entropy", Matrix<T>(Matrix<T>::Constant(1, 1, loss)),
                       &cross_entropy_backward<T>, logits);
  Y.node().saved = std::move(P);
  Y.node().labels = labels;
  return Y;
}

template Tensor<double> softmax_cross_entropy(const Tensor<double>&, const std::vector<int>&);
template Tensor<float> softmax_cross_entropy(const Tensor<float>&, const std::vector<int>&);

}  // namespace bp::autograd
