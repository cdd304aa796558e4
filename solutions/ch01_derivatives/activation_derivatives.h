/// \file
/// \brief Tasks ch01.2 and ch01.3: the derivatives of four activation functions.
///
/// Every derivative here takes the **pre-activation** z, the activation's input. (A formula such
/// as σ'(z) = a(1 − a) is written in terms of the output a = σ(z); feeding it z instead of a is
/// one of the mistakes chapter 1 catalogues.)
#pragma once

namespace bp::calculus {

/// σ(z) = 1 / (1 + e^(−z)), computed without overflow for any finite z.
/// \param z  the pre-activation
/// \return   σ(z), in (0, 1)
double sigmoid(double z);

/// σ'(z) = σ(z)·(1 − σ(z)). Task ch01.2.
/// \param z  the pre-activation
/// \return   σ'(z), in (0, ¼]
double sigmoid_prime(double z);

/// tanh'(z) = 1 − tanh²(z). Task ch01.2.
/// \param z  the pre-activation
/// \return   tanh'(z), in (0, 1]
double tanh_prime(double z);

/// ReLU(z) = max(0, z).
/// \param z  the pre-activation
/// \return   max(0, z)
double relu(double z);

/// ReLU'(z) = 1 if z > 0, else 0. At the kink z = 0 the course uses 0, as PyTorch does.
/// Task ch01.3.
/// \param z  the pre-activation
/// \return   1 or 0
double relu_prime(double z);

/// LeakyReLU(z) = z if z > 0, else slope·z.
/// \param z      the pre-activation
/// \param slope  the gradient on the negative side, typically 0.01
/// \return       z or slope·z
double leaky_relu(double z, double slope);

/// LeakyReLU'(z) = 1 if z > 0, else slope (so slope at the kink z = 0). Task ch01.3.
/// \param z      the pre-activation
/// \param slope  the gradient on the negative side
/// \return       1 or slope
double leaky_relu_prime(double z, double slope);

}  // namespace bp::calculus
