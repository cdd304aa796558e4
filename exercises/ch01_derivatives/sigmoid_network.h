/// \file
/// \brief Tasks ch01.7–ch01.9: worked example (E), a 2-1-1 network with a sigmoid hidden unit.
///
/// The network, for one sample x = (x1, x2) with target y:
///   z = w1·x1 + w2·x2 + b1,  a = σ(z),  ŷ = w3·a + b3 (a **linear** output),  L = ½(y − ŷ)².
#pragma once

namespace bp::worked {

/// The five parameters of worked example (E).
struct SigmoidNet {
  double w1;  ///< x1 → hidden
  double w2;  ///< x2 → hidden
  double b1;  ///< hidden bias
  double w3;  ///< hidden → output
  double b3;  ///< output bias
};

/// Every intermediate quantity of the forward pass (the backward pass reuses them).
struct SigmoidNetForward {
  double z;      ///< w1·x1 + w2·x2 + b1, the hidden pre-activation
  double a;      ///< σ(z), the hidden output
  double y_hat;  ///< w3·a + b3, the prediction
  double loss;   ///< ½(y − ŷ)²
};

/// The gradient of L with respect to each parameter.
struct SigmoidNetGradients {
  double dw1;  ///< ∂L/∂w1
  double dw2;  ///< ∂L/∂w2
  double db1;  ///< ∂L/∂b1
  double dw3;  ///< ∂L/∂w3
  double db3;  ///< ∂L/∂b3
};

/// The forward pass, keeping every intermediate value. Task ch01.7.
/// \param net  the parameters
/// \param x1   first input
/// \param x2   second input
/// \param y    the target
/// \return     z, a, ŷ and L
SigmoidNetForward forward(const SigmoidNet& net, double x1, double x2, double y);

/// The backward pass: the chain rule from L back to each parameter. Task ch01.8.
/// \param net  the parameters
/// \param x1   first input
/// \param x2   second input
/// \param y    the target
/// \param fwd  the result of forward() for the same net and sample
/// \return     ∂L/∂θ for all five parameters
SigmoidNetGradients backward(const SigmoidNet& net, double x1, double x2, double y,
                             const SigmoidNetForward& fwd);

/// One step of gradient descent, θ ← θ − η·∂L/∂θ, on all five parameters. Task ch01.9.
/// \param net    the current parameters
/// \param grads  ∂L/∂θ for every parameter, at `net`
/// \param eta    the learning rate η > 0
/// \return       the parameters after the step
SigmoidNet sgd_step(const SigmoidNet& net, const SigmoidNetGradients& grads, double eta);

}  // namespace bp::worked
