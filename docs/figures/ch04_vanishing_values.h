// The numbers chapter 4 quotes from ch04_vanishing.cpp's measurement (seed 1, 10 layers of 64
// units at PyTorch's default initialisation, a batch of 128); the program measures them again on
// every notes build and fails if one no longer rounds to what is written here.
#pragma once

namespace ch04_vanishing_values {

struct Row {
  double dW_first, dW_last, dW_per_layer;  // ‖dW‖ of layers 1 and 10, (layer 1 / layer 10)^(1/9)
  double dZ_first, dZ_last, dZ_per_layer;  // the same for ‖dZ‖, the back-propagated gradient
  double dZ_step_min, dZ_step_max;         // the range of ‖dZ‖ of layer l over layer l + 1
  double X_first, X_second, X_last;        // ‖X‖ of the inputs of layers 1, 2 and 10
  double estimate;  // the chapter's estimate of the ‖dZ‖ factor, √(64 v E[f'²]) with 64 v = 1/3
};

constexpr Row kSigmoid{.dW_first = 3.869e-6,
                       .dW_last = 89.72,
                       .dW_per_layer = 0.152,
                       .dZ_first = 5.061e-7,
                       .dZ_last = 22.10,
                       .dZ_per_layer = 0.142,
                       .dZ_step_min = 0.132,
                       .dZ_step_max = 0.148,
                       .X_first = 90.4,
                       .X_second = 47.4,
                       .X_last = 46.1,
                       .estimate = 0.144};
constexpr Row kTanh{.dW_first = 3.712,
                    .dW_last = 64.61,
                    .dW_per_layer = 0.728,
                    .dZ_first = 0.4826,
                    .dZ_last = 89.56,
                    .dZ_per_layer = 0.560,
                    .dZ_step_min = 0.484,
                    .dZ_step_max = 0.596,
                    .X_first = 90.4,
                    .X_second = 41.8,
                    .X_last = 8.13,
                    .estimate = 0.577};
constexpr Row kRelu{.dW_first = 0.1260,
                    .dW_last = 28.82,
                    .dW_per_layer = 0.547,
                    .dZ_first = 0.01584,
                    .dZ_last = 66.94,
                    .dZ_per_layer = 0.395,
                    .dZ_step_min = 0.368,
                    .dZ_step_max = 0.415,
                    .X_first = 90.4,
                    .X_second = 38.2,
                    .X_last = 4.80,
                    .estimate = 0.408};

}  // namespace ch04_vanishing_values
