/// \file
/// \brief Tasks ch01.4–ch01.6: worked example (A), a 1-1-1 ReLU network, by hand.
///
/// The network: h = W1·x, y = ReLU(h)·W2, for one input x, one hidden unit and one output.
/// Over a batch of samples (xᵢ, tᵢ), i = 1..n, the course uses two loss conventions:
///   - HalfSum: E = ½ Σᵢ (yᵢ − tᵢ)²   (the article's formula; the ½ cancels the 2 of the square)
///   - Mean:    E = (1/n) Σᵢ (yᵢ − tᵢ)² (what `tf.reduce_mean(tf.square(...))` and PyTorch's
///     `MSELoss()` compute)
/// Both are correct; Mean = (2/n)·HalfSum, and so are their gradients.
#pragma once

#include <span>

namespace bp::worked {

/// The two weights of worked example (A).
struct ReluNet {
  double W1;  ///< input → hidden weight
  double W2;  ///< hidden → output weight
};

/// One training pair.
struct Sample {
  double x;  ///< input
  double t;  ///< target
};

/// Which of the two squared-error conventions a loss uses.
enum class LossConvention {
  HalfSum,  ///< E = ½ Σᵢ (yᵢ − tᵢ)²
  Mean,     ///< E = (1/n) Σᵢ (yᵢ − tᵢ)²
};

/// ∂E/∂W1 and ∂E/∂W2 for a batch.
struct ReluNetGradients {
  double dW1;  ///< ∂E/∂W1
  double dW2;  ///< ∂E/∂W2
};

/// y = ReLU(W1·x)·W2. Task ch01.4.
/// \param net  the weights
/// \param x    one input
/// \return     the prediction y
double predict(const ReluNet& net, double x);

/// E over the batch in the given convention. Task ch01.4.
/// \param net         the weights
/// \param batch       n ≥ 0 samples (n ≥ 1 for the mean)
/// \param convention  HalfSum or Mean
/// \return            E
/// \throws bp::ValueError for an empty batch under LossConvention::Mean (a mean of nothing)
double loss(const ReluNet& net, std::span<const Sample> batch, LossConvention convention);

/// ∂E/∂W2 = Σᵢ (yᵢ − tᵢ)·ReLU(W1 xᵢ) and ∂E/∂W1 = Σᵢ (yᵢ − tᵢ)·W2·[W1 xᵢ > 0]·xᵢ for HalfSum;
/// 2/n times those for Mean. Task ch01.5.
/// \param net         the weights
/// \param batch       n ≥ 0 samples (n ≥ 1 for the mean)
/// \param convention  HalfSum or Mean
/// \return            ∂E/∂W1 and ∂E/∂W2
/// \throws bp::ValueError for an empty batch under LossConvention::Mean
ReluNetGradients gradients(const ReluNet& net, std::span<const Sample> batch,
                           LossConvention convention);

/// One step of gradient descent: θ ← θ − η·∂E/∂θ for both weights. Task ch01.6.
/// \param net            the current weights
/// \param grads          ∂E/∂W1 and ∂E/∂W2 at `net`
/// \param learning_rate  η > 0
/// \return               the weights after the step
ReluNet sgd_step(const ReluNet& net, const ReluNetGradients& grads, double learning_rate);

}  // namespace bp::worked
