// libFuzzer target: the weights-file parser must turn any bytes into matrices or a
// bp::io::WeightsError, never a crash, a huge allocation or undefined behaviour.
#include <cstdint>
#include <span>

#include "bp/weights_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto matrices = bp::io::parse_weights(std::span<const std::uint8_t>(data, size), "input");
    for (const auto& m : matrices) {
      if (m.values.size() != static_cast<std::size_t>(m.rows * m.cols)) __builtin_trap();
    }
  } catch (const bp::io::WeightsError&) {
  }
  return 0;
}
