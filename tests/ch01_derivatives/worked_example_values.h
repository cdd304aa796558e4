// The numbers of chapter 1's worked examples, exactly as the grader asserts them. The chapter text
// shows this file, and a notes check makes sure every number its tables quote appears here.
#pragma once

namespace ch01_values {

// [example-a]
// Worked example (A): h = W1·x, y = ReLU(h)·W2, with W1 = 0.5, W2 = -1.5 and the batch
// (x, t) = (1, -1), (-2, 0.5), (3, -2). The second sample has h = -1 < 0: ReLU blocks it.
constexpr double kA_W1 = 0.5, kA_W2 = -1.5;
constexpr double kA_y[] = {-0.75, 0.0, -2.25};  // predictions
constexpr double kA_loss_half_sum = 0.1875;     // E = ½ Σ (y − t)²
constexpr double kA_loss_mean = 0.125;          // E = (1/n) Σ (y − t)²
constexpr double kA_dW1_half_sum = 0.75, kA_dW2_half_sum = -0.25;
constexpr double kA_dW1_mean = 0.5, kA_dW2_mean = -1.0 / 6.0;  // (2/n)·(half-sum gradients)
constexpr double kA_learning_rate = 0.02;
constexpr double kA_W1_after_step = 0.485, kA_W2_after_step = -1.495;  // half-sum gradients
constexpr double kA_loss_after_step = 0.178144;                        // lower than 0.1875
// With η = 0.1 the same step overshoots: the loss *rises*, to 0.201736.
constexpr double kA_large_learning_rate = 0.1, kA_loss_after_large_step = 0.201736;
// [example-a]

// [example-e]
// Worked example (E): x = (2, 3), y = 1, w1 = w2 = b1 = w3 = b3 = 0.5, η = 0.1.
// Six significant digits, as the chapter's table prints them.
constexpr double kE_z = 3.0;
constexpr double kE_a = 0.952574;
constexpr double kE_y_hat = 0.976287;
constexpr double kE_loss = 2.81152e-4;
constexpr double kE_dw3 = -0.0225883;
constexpr double kE_db3 = -0.0237129;
constexpr double kE_dw1 = -0.00107127;
constexpr double kE_dw2 = -0.00160691;
constexpr double kE_db1 = -0.000535636;
constexpr double kE_w1_after = 0.500107, kE_w2_after = 0.500161, kE_b1_after = 0.500054;
constexpr double kE_w3_after = 0.502259, kE_b3_after = 0.502371;
// [example-e]

// [example-e-published]
// What the article printed for the same example: each is wrong, and the tests reject each.
constexpr double kE_published_z = 2.5, kE_published_a = 0.9, kE_published_y_hat = 0.65;
constexpr double kE_published_loss = 0.0225, kE_published_delta3 = 0.035;
constexpr double kE_published_w1_after = 0.485, kE_published_w2_after = 0.465;
constexpr double kE_published_w3_after = 0.485;
// [example-e-published]

}  // namespace ch01_values
