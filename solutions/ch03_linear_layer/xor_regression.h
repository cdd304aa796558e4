/// \file
/// \brief Tasks ch03.3 and ch03.4: worked example (B), a linear model fitted to XOR by gradient
/// descent on the mean squared error.
#pragma once

#include <vector>

#include "linear.h"

namespace bp::nn {

/// The four XOR inputs as columns: X = [[0, 0, 1, 1], [0, 1, 0, 1]], shape (2, 4).
/// \return X, (2, 4)
Matrix<double> xor_inputs();

/// The XOR targets of xor_inputs(): Y = [[0, 1, 1, 0]], shape (1, 4).
/// \return Y, (1, 4)
Matrix<double> xor_targets();

/// L = (1/m) Σ (Y − Z)², the mean over all m entries (PyTorch's MSELoss). Task ch03.3.
/// \param Z  predictions, any shape (r, c) with m = r·c ≥ 1
/// \param Y  targets, (r, c)
/// \return   L
/// \throws bp::ShapeError if the shapes differ; bp::ValueError if m = 0
double mean_squared_error(const Matrix<double>& Z, const Matrix<double>& Y);

/// ∂L/∂Z = −(2/m)(Y − Z) for the L of mean_squared_error. Task ch03.3.
/// \param Z  predictions, (r, c), m = r·c ≥ 1
/// \param Y  targets, (r, c)
/// \return   ∂L/∂Z, (r, c)
/// \throws bp::ShapeError if the shapes differ; bp::ValueError if m = 0
Matrix<double> mean_squared_error_gradient(const Matrix<double>& Z, const Matrix<double>& Y);

/// Full-batch gradient descent on one linear layer: each step computes Z = forward(X), the loss,
/// ∂L/∂Z, backward, and W ← W − η dW, b ← b − η db. Task ch03.4.
/// \param layer          the model, updated in place
/// \param X              inputs, (in, N)
/// \param Y              targets, (out, N)
/// \param learning_rate  η > 0
/// \param steps          how many steps
/// \return               the loss before each step, `steps` values
std::vector<double> fit(Linear<double>& layer, const Matrix<double>& X, const Matrix<double>& Y,
                        double learning_rate, int steps);

}  // namespace bp::nn
