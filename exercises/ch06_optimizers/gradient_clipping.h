/// \file
/// \brief Task ch06.6: gradient clipping by the global norm.
#pragma once

#include <vector>

#include "parameter.h"

namespace bp::optim {

/// Scales every gradient by the same factor so that the global norm √(Σ_p ‖∂L/∂p‖²) is at most
/// max_norm, as PyTorch's clip_grad_norm_ (factor max_norm / (norm + 1e-6)), and returns the norm
/// before clipping. One factor for all parameters keeps the update's direction. Task ch06.6.
/// \param params    the parameters whose gradients to clip (values are not touched)
/// \param max_norm  > 0
/// \return          the global norm before clipping
/// \throws bp::ValueError if max_norm is not positive
template <typename T>
T clip_grad_norm(std::vector<nn::Parameter<T>>& params, T max_norm);

}  // namespace bp::optim
