// The settings and tolerances of chapter 8's proof, which its text quotes (the consistency check
// compares the chapter's tables with this file).
#pragma once

namespace bp::values::proof {
constexpr unsigned kWeightSeed = 2;       // worked example (C)'s seed: make_mlp's draws
constexpr unsigned kImageSeed = 8;        // the batch: bp::data::synthetic_images
constexpr int kBatch = 32;                // (C)'s batch size
constexpr double kTolerance = 1e-12;      // relative, entry by entry, in double
constexpr int kFloatSteps = 40;           // the float32 run: steps of SGD, batch 32, η = 0.01
constexpr double kFloatTolerance = 1e-5;  // relative, per step's loss, in float32
}  // namespace bp::values::proof
