/// \file
/// \brief Task ch07.2: Xavier and He initialisation, which keep the signal's variance constant
/// from layer to layer.
///
/// A layer y = W x with n = fan_in independent inputs of variance v and weights of variance s²
/// gives each output the variance n·s²·v. Choosing s² = 1/n keeps v; ReLU zeroes half of its
/// input, so it needs s² = 2/n (He); a tanh network also sends gradients back through Wᵀ, whose
/// fan is fan_out, and Xavier compromises with s² = 2/(fan_in + fan_out).
#pragma once

#include "bp/random.h"
#include "parameter.h"

namespace bp::nn {

/// Xavier (Glorot) uniform initialisation, for tanh and sigmoid layers: entries uniform in
/// [−a, a) with a = √(6 / (fan_in + fan_out)), so that Var = a²/3 = 2 / (fan_in + fan_out).
/// Task ch07.2.
/// \param fan_out  the layer's outputs, the rows of W, ≥ 1
/// \param fan_in   the layer's inputs, the columns of W, ≥ 1
/// \param rng      the seeded engine the entries are drawn from
/// \return         W, (fan_out, fan_in)
/// \throws bp::ValueError if a fan is less than 1
template <typename T = double>
Matrix<T> xavier_uniform(Eigen::Index fan_out, Eigen::Index fan_in, Rng& rng);

/// He (Kaiming) normal initialisation, for ReLU layers: entries N(0, 2 / fan_in). Task ch07.2.
/// \param fan_out  the layer's outputs, the rows of W, ≥ 1
/// \param fan_in   the layer's inputs, the columns of W, ≥ 1
/// \param rng      the seeded engine the entries are drawn from
/// \return         W, (fan_out, fan_in)
/// \throws bp::ValueError if a fan is less than 1
template <typename T = double>
Matrix<T> he_normal(Eigen::Index fan_out, Eigen::Index fan_in, Rng& rng);

}  // namespace bp::nn
