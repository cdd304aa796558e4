// The step counts chapter 6 quotes from ch06_convergence.cpp: how many steps each optimizer of
// the convergence tests takes, with the tests' settings. The program counts them again on every
// notes build and fails if one differs from what is written here.
#pragma once

namespace ch06_convergence_values {

struct Steps {
  double bowl, rosenbrock;
};

constexpr Steps kSgd{.bowl = 66, .rosenbrock = 11942};
constexpr Steps kMomentum{.bowl = 106, .rosenbrock = 2329};
constexpr Steps kNesterov{.bowl = 84, .rosenbrock = 2342};
constexpr Steps kRmsProp{.bowl = 149, .rosenbrock = 6458};
constexpr Steps kAdam{.bowl = 82, .rosenbrock = 2009};
constexpr Steps kAdamW{.bowl = 55, .rosenbrock = 2023};

}  // namespace ch06_convergence_values
