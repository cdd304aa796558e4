/// \file
/// \brief The operations of chapter 8's engine: each computes its result and records a node whose
/// rule is the vector–Jacobian product of chapters 3, 4 and 5.
///
/// Shapes: A (m, k) and B (k, n) for a product; X, A, B of any shape (r, c) for entrywise
/// operations; a column b (r, 1) that + and − add to every column of an (r, N) operand; logits
/// (classes, N) with N labels. Each result requires a gradient if an operand does. An operation
/// whose operands do not fit throws bp::ShapeError naming the operation and both shapes.
#pragma once

#include <vector>

#include "tensor.h"

namespace bp::autograd {

/// The matrix product Y = A·B. Task ch08.1.
/// \param A  (m, k)
/// \param B  (k, n)
/// \return   Y, (m, n)
/// \throws bp::ShapeError if A's columns are not B's rows
template <typename T>
Tensor<T> matmul(const Tensor<T>& A, const Tensor<T>& B);

/// Y = A + B, entry by entry; B may also be a column (r, 1) added to every column of A (r, N),
/// as the bias in W X + b. Task ch08.2.
/// \param A  (r, c)
/// \param B  (r, c), or (r, 1)
/// \return   Y, (r, c)
/// \throws bp::ShapeError if B is neither A's shape nor a column of A's rows
template <typename T>
Tensor<T> operator+(const Tensor<T>& A, const Tensor<T>& B);

/// Y = A − B, entry by entry; B may be a column (r, 1) subtracted from every column. Task ch08.2.
/// \param A  (r, c)
/// \param B  (r, c), or (r, 1)
/// \return   Y, (r, c)
/// \throws bp::ShapeError if B is neither A's shape nor a column of A's rows
template <typename T>
Tensor<T> operator-(const Tensor<T>& A, const Tensor<T>& B);

/// The entrywise (Hadamard) product Y = A ⊙ B, as torch.mul. Task ch08.3.
/// \param A  (r, c)
/// \param B  (r, c)
/// \return   Y, (r, c)
/// \throws bp::ShapeError if the shapes differ
template <typename T>
Tensor<T> mul(const Tensor<T>& A, const Tensor<T>& B);

/// The scalar multiple Y = s·X, s a constant (the graph has no gradient for it). Task ch08.3.
/// \param s  the constant
/// \param X  (r, c)
/// \return   Y, (r, c)
template <typename T>
Tensor<T> operator*(double s, const Tensor<T>& X);

/// The sum of every entry, Σᵢⱼ Xᵢⱼ. Task ch08.4.
/// \param X  (r, c)
/// \return   (1, 1)
template <typename T>
Tensor<T> sum(const Tensor<T>& X);

/// The mean of every entry, Σᵢⱼ Xᵢⱼ / (r·c). Task ch08.4.
/// \param X  (r, c), r·c ≥ 1
/// \return   (1, 1)
/// \throws bp::ValueError if X has no entries
template <typename T>
Tensor<T> mean(const Tensor<T>& X);

/// max(0, x) of every entry; its rule passes no gradient at 0 (chapter 1's convention).
/// Task ch08.5.
/// \param X  (r, c)
/// \return   (r, c)
template <typename T>
Tensor<T> relu(const Tensor<T>& X);

/// σ(x) = 1 / (1 + e⁻ˣ) of every entry, without overflow. Task ch08.5.
/// \param X  (r, c)
/// \return   (r, c), every entry in [0, 1]
template <typename T>
Tensor<T> sigmoid(const Tensor<T>& X);

/// tanh of every entry. Task ch08.5.
/// \param X  (r, c)
/// \return   (r, c)
template <typename T>
Tensor<T> tanh(const Tensor<T>& X);

/// Softmax and cross-entropy fused, averaged over the N samples (chapter 5's
/// softmax_cross_entropy, PyTorch's CrossEntropyLoss): L = (1/N) Σₙ [logsumexp(z⋅ₙ) − z_{yₙ,n}].
/// Task ch08.6.
/// \param logits  Z, (classes, N), N ≥ 1
/// \param labels  N labels, each in [0, classes)
/// \return        L, (1, 1)
/// \throws bp::ShapeError if there are not N labels; bp::ValueError if N = 0 or a label is out of
///         range (naming the sample and the label)
template <typename T>
Tensor<T> softmax_cross_entropy(const Tensor<T>& logits, const std::vector<int>& labels);

}  // namespace bp::autograd
