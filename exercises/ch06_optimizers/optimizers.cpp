#include "optimizers.h"

#include <cmath>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::optim {
namespace {

// Hyperparameters are checked where they are given, naming the optimizer, the hyperparameter and
// the range it must lie in: β₁ = 1 or ε = 0 would otherwise surface as a NaN at the first step,
// far from its cause. Each check is written so that NaN fails it too.
template <typename T>
void require_in_unit_interval(const std::string& optimizer, const char* what, T value) {
  if (!(value >= T(0) && value < T(1))) {
    throw ValueError(optimizer + ": " + what + " must be in [0, 1), got " + std::to_string(value));
  }
}

template <typename T>
void require_non_negative(const std::string& optimizer, const char* what, T value) {
  if (!(value >= T(0)) || !std::isfinite(value)) {
    throw ValueError(optimizer + ": " + what + " must be >= 0 and finite, got " +
                     std::to_string(value));
  }
}

template <typename T>
void require_positive(const std::string& optimizer, const char* what, T value) {
  if (!(value > T(0)) || !std::isfinite(value)) {
    throw ValueError(optimizer + ": " + what + " must be positive and finite, got " +
                     std::to_string(value));
  }
}

}  // namespace

template <typename T>
Optimizer<T>::Optimizer(std::string name, T learning_rate) : name_(std::move(name)) {
  set_learning_rate(learning_rate);
}

template <typename T>
void Optimizer<T>::set_learning_rate(T learning_rate) {
  // 0 is allowed, as in PyTorch: a schedule may end there (cosine_lr's default minimum), and a
  // step at η = 0 moves no parameter but still advances the state.
  require_non_negative(name_, "the learning rate", learning_rate);
  learning_rate_ = learning_rate;
}

template <typename T>
void Optimizer<T>::step(Params<T>& params) {
  if (steps_ == 0) {
    state_.assign(params.size(), {});
    for (std::size_t i = 0; i < params.size(); ++i) {
      state_[i].assign(state_buffers(),
                       nn::Matrix<T>::Zero(params[i].value.rows(), params[i].value.cols()));
    }
  }
  require_same_size((name_ + "::step").c_str(), "parameters now", params.size(),
                    "at the first step", state_.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    require_same_shape(name_ + "::step", params[i].name + "'s gradient", params[i].grad,
                       params[i].name, params[i].value);
    if (state_buffers() > 0) {
      require_same_shape(name_ + "::step", params[i].name + " now", params[i].value,
                         "at the first step", state_[i][0]);
    }
  }
  ++steps_;
  for (std::size_t i = 0; i < params.size(); ++i) {
    update(i, params[i]);
  }
}

template <typename T>
nn::Matrix<T>& Optimizer<T>::state(std::size_t i, std::size_t k) {
  return state_[i][k];
}

template <typename T>
void Sgd<T>::update(std::size_t /*i*/, nn::Parameter<T>& p) {
  // [ch06.1]
  bp::todo("ch06.1", "p.value -= learning rate * p.grad");
  // [ch06.1]
}

template <typename T>
Momentum<T>::Momentum(T learning_rate, T momentum, bool nesterov)
    : Optimizer<T>("Momentum", learning_rate), momentum_(momentum), nesterov_(nesterov) {
  require_in_unit_interval<T>("Momentum", "the momentum", momentum);
}

template <typename T>
void Momentum<T>::update(std::size_t i, nn::Parameter<T>& p) {
  // [ch06.2]
  bp::todo("ch06.2", "v = mu*v + grad; step by v, or by grad + mu*v for Nesterov");
  // [ch06.2]
}

template <typename T>
RmsProp<T>::RmsProp(T learning_rate, T alpha, T epsilon)
    : Optimizer<T>("RmsProp", learning_rate), alpha_(alpha), epsilon_(epsilon) {
  require_in_unit_interval<T>("RmsProp", "alpha", alpha);  // α = 1 would keep s at 0 for good
  require_positive<T>("RmsProp", "epsilon", epsilon);      // ε = 0 divides 0 by 0 where g = 0
}

template <typename T>
void RmsProp<T>::update(std::size_t i, nn::Parameter<T>& p) {
  // [ch06.3]
  bp::todo("ch06.3", "s = alpha*s + (1-alpha)*grad^2, then p -= lr * grad / (sqrt(s) + eps)");
  // [ch06.3]
}

template <typename T>
Adam<T>::Adam(T learning_rate, T beta1, T beta2, T epsilon)
    : Adam("Adam", learning_rate, beta1, beta2, epsilon) {}

template <typename T>
Adam<T>::Adam(std::string name, T learning_rate, T beta1, T beta2, T epsilon)
    : Optimizer<T>(name, learning_rate), beta1_(beta1), beta2_(beta2), epsilon_(epsilon) {
  require_in_unit_interval(name, "beta1", beta1);  // β = 1: 1 − βᵗ = 0, and m̂ = 0/0 at once
  require_in_unit_interval(name, "beta2", beta2);
  require_positive(name, "epsilon", epsilon);  // ε = 0: m̂/√v̂ = 0/0 where g has been 0
}

template <typename T>
void Adam<T>::update(std::size_t i, nn::Parameter<T>& p) {
  // [ch06.4]
  bp::todo("ch06.4", "update m and v, divide by 1 - beta^t, p -= lr * mhat / (sqrt(vhat) + eps)");
  // [ch06.4]
}

template <typename T>
AdamW<T>::AdamW(T learning_rate, T weight_decay, T beta1, T beta2, T epsilon)
    : Adam<T>("AdamW", learning_rate, beta1, beta2, epsilon), weight_decay_(weight_decay) {
  require_non_negative<T>("AdamW", "the weight decay", weight_decay);
}

template <typename T>
void AdamW<T>::update(std::size_t i, nn::Parameter<T>& p) {
  // [ch06.5]
  bp::todo("ch06.5", "shrink p by lr * weight_decay * p, then take Adam's step");
  // [ch06.5]
}

template class Optimizer<double>;
template class Optimizer<float>;
template class Sgd<double>;
template class Sgd<float>;
template class Momentum<double>;
template class Momentum<float>;
template class RmsProp<double>;
template class RmsProp<float>;
template class Adam<double>;
template class Adam<float>;
template class AdamW<double>;
template class AdamW<float>;

}  // namespace bp::optim
