/// \file
/// \brief Task ch06.7: learning-rate schedules, step decay and cosine annealing.
#pragma once

#include <cstddef>

namespace bp::optim {

/// Step decay (PyTorch's StepLR): η_t = η₀ · γ^⌊t / step_size⌋. Task ch06.7.
/// \param base       η₀ ≥ 0
/// \param step       t ≥ 0, the current step (or epoch)
/// \param step_size  how many steps between decays, ≥ 1
/// \param gamma      the factor per decay, in [0, 1], such as 0.1
/// \return           η_t
/// \throws bp::ValueError if step_size is 0, η₀ is negative or not finite, or γ is outside
///         [0, 1]
double step_lr(double base, std::size_t step, std::size_t step_size, double gamma);

/// Cosine annealing (PyTorch's CosineAnnealingLR, one half period):
/// η_t = η_min + (η₀ − η_min)(1 + cos(π t / T))/2, and η_min once t ≥ T. Task ch06.7.
/// \param base      η₀ ≥ 0
/// \param step      t ≥ 0
/// \param total     T ≥ 1, the number of steps of the schedule
/// \param minimum   η_min in [0, η₀]; the default 0 is a rate Optimizer::set_learning_rate takes
/// \return          η_t
/// \throws bp::ValueError if total is 0, η₀ or η_min is negative or not finite, or η_min > η₀
double cosine_lr(double base, std::size_t step, std::size_t total, double minimum = 0.0);

}  // namespace bp::optim
