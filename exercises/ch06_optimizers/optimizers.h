/// \file
/// \brief Tasks ch06.1–ch06.5: optimizers that update the parameters a layer exposes.
///
/// An optimizer sees a model only through its parameters: a list of nn::Parameter views (value
/// and gradient, aliasing the layers' storage), the same list in the same order at every step.
/// Per-parameter state (velocities, moment estimates) has the shape of its parameter. The update
/// rules are PyTorch's (torch.optim), with the differences stated in chapter 6's table.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "parameter.h"

namespace bp::optim {

/// A model's parameters, as an optimizer takes them.
template <typename T>
using Params = std::vector<nn::Parameter<T>>;

/// What every optimizer shares: the learning rate, the step count, and the check that the
/// parameters keep their number and shapes from step to step.
/// \tparam T  double or float
template <typename T>
class Optimizer {
 public:
  /// \param name           the optimizer's name, for messages ("Adam")
  /// \param learning_rate  η ≥ 0 (as in PyTorch; at η = 0 a step moves no parameter)
  /// \throws bp::ValueError if η is negative or not finite
  Optimizer(std::string name, T learning_rate);
  virtual ~Optimizer() = default;

  /// One update of every parameter from its gradient. The first call fixes how many parameters
  /// there are and their shapes; state (momentum, moments) starts at zero.
  /// \param params  the model's parameters, the same list (same order, same shapes) every step
  /// \throws bp::ShapeError if the list or a shape differs from the first step's
  void step(Params<T>& params);

  /// \return η
  T learning_rate() const { return learning_rate_; }
  /// Sets η (a learning-rate schedule does this before each step).
  /// \param learning_rate  η ≥ 0: a schedule may end at 0, where a step moves no parameter but
  ///                       still advances the state (velocities, moments, the step count)
  /// \throws bp::ValueError if η is negative or not finite
  void set_learning_rate(T learning_rate);
  /// \return how many steps were taken (t of Adam's bias correction)
  std::size_t steps() const { return steps_; }

 protected:
  /// Updates parameter i in place. Called by step() for i = 0, 1, … after steps() was increased.
  /// \param i  the parameter's position in the list
  /// \param p  the parameter: value and gradient, (r, c)
  virtual void update(std::size_t i, nn::Parameter<T>& p) = 0;
  /// \param i  a parameter's position
  /// \param k  which of the optimizer's state buffers (0 = first)
  /// \return   that buffer, the parameter's shape, zero at the first step
  nn::Matrix<T>& state(std::size_t i, std::size_t k);
  /// \return how many state buffers per parameter this optimizer keeps
  virtual std::size_t state_buffers() const { return 0; }

 private:
  std::string name_;
  T learning_rate_;
  std::size_t steps_ = 0;
  std::vector<std::vector<nn::Matrix<T>>> state_;  // [parameter][buffer], parameter-shaped
};

/// Plain gradient descent: p ← p − η g. Task ch06.1.
template <typename T = double>
class Sgd : public Optimizer<T> {
 public:
  /// \param learning_rate  η
  explicit Sgd(T learning_rate) : Optimizer<T>("Sgd", learning_rate) {}

 protected:
  /// Applies this optimizer's rule to one parameter.
  /// \param i  the parameter's position in the list
  /// \param p  the parameter: value and gradient, (r, c)
  void update(std::size_t i, nn::Parameter<T>& p) override;
};

/// SGD with momentum, as PyTorch (dampening 0): v ← μ v + g; p ← p − η v. With Nesterov:
/// p ← p − η (g + μ v). Task ch06.2.
template <typename T = double>
class Momentum : public Optimizer<T> {
 public:
  /// \param learning_rate  η
  /// \param momentum       μ in [0, 1), such as 0.9
  /// \param nesterov       use Nesterov's look-ahead form
  /// \throws bp::ValueError if η is negative or not finite, or μ is outside [0, 1)
  Momentum(T learning_rate, T momentum, bool nesterov = false);

 protected:
  /// Applies this optimizer's rule to one parameter.
  /// \param i  the parameter's position in the list
  /// \param p  the parameter: value and gradient, (r, c)
  void update(std::size_t i, nn::Parameter<T>& p) override;
  /// \return 1: one state buffer per parameter
  std::size_t state_buffers() const override { return 1; }

 private:
  T momentum_;
  bool nesterov_;
};

/// RMSProp, as PyTorch: s ← α s + (1 − α) g²; p ← p − η g / (√s + ε), with ε outside the
/// square root. Task ch06.3.
template <typename T = double>
class RmsProp : public Optimizer<T> {
 public:
  /// \param learning_rate  η
  /// \param alpha          α in [0, 1), the decay of the squared-gradient average, such as 0.99
  /// \param epsilon        ε > 0, such as 1e-8
  /// \throws bp::ValueError if η is negative or not finite, α is outside [0, 1), or ε is not
  ///         positive and finite
  RmsProp(T learning_rate, T alpha = T(0.99), T epsilon = T(1e-8));

 protected:
  /// Applies this optimizer's rule to one parameter.
  /// \param i  the parameter's position in the list
  /// \param p  the parameter: value and gradient, (r, c)
  void update(std::size_t i, nn::Parameter<T>& p) override;
  /// \return 1: one state buffer per parameter
  std::size_t state_buffers() const override { return 1; }

 private:
  T alpha_, epsilon_;
};

/// Adam, as PyTorch: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ);
/// v̂ = v/(1 − β₂ᵗ); p ← p − η m̂ / (√v̂ + ε). Task ch06.4.
template <typename T = double>
class Adam : public Optimizer<T> {
 public:
  /// \param learning_rate  η, such as 1e-3
  /// \param beta1          β₁ in [0, 1), such as 0.9
  /// \param beta2          β₂ in [0, 1), such as 0.999
  /// \param epsilon        ε > 0, such as 1e-8
  /// \throws bp::ValueError if η is negative or not finite, a β is outside [0, 1) (PyTorch
  ///         refuses those too), or ε is not positive and finite
  Adam(T learning_rate, T beta1 = T(0.9), T beta2 = T(0.999), T epsilon = T(1e-8));

 protected:
  /// \param name  the subclass's name, for messages
  /// \param learning_rate  η
  /// \param beta1  β₁
  /// \param beta2  β₂
  /// \param epsilon  ε
  Adam(std::string name, T learning_rate, T beta1, T beta2, T epsilon);
  /// Applies this optimizer's rule to one parameter.
  /// \param i  the parameter's position in the list
  /// \param p  the parameter: value and gradient, (r, c)
  void update(std::size_t i, nn::Parameter<T>& p) override;
  /// \return 2: m and v
  std::size_t state_buffers() const override { return 2; }

 private:
  T beta1_, beta2_, epsilon_;
};

/// AdamW, as PyTorch: first the decoupled weight decay p ← p − η λ p, then Adam's update from
/// the gradient alone (λ never enters m or v). Task ch06.5.
template <typename T = double>
class AdamW : public Adam<T> {
 public:
  /// \param learning_rate  η
  /// \param weight_decay   λ ≥ 0, such as 0.01
  /// \param beta1          β₁ in [0, 1)
  /// \param beta2          β₂ in [0, 1)
  /// \param epsilon        ε > 0
  /// \throws bp::ValueError if λ is negative or not finite, or as Adam's constructor
  AdamW(T learning_rate, T weight_decay, T beta1 = T(0.9), T beta2 = T(0.999), T epsilon = T(1e-8));

 protected:
  /// Applies this optimizer's rule to one parameter.
  /// \param i  the parameter's position in the list
  /// \param p  the parameter: value and gradient, (r, c)
  void update(std::size_t i, nn::Parameter<T>& p) override;

 private:
  T weight_decay_;
};

extern template class Optimizer<double>;
extern template class Optimizer<float>;
extern template class Sgd<double>;
extern template class Sgd<float>;
extern template class Momentum<double>;
extern template class Momentum<float>;
extern template class RmsProp<double>;
extern template class RmsProp<float>;
extern template class Adam<double>;
extern template class Adam<float>;
extern template class AdamW<double>;
extern template class AdamW<float>;

}  // namespace bp::optim
