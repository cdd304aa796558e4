// libFuzzer target: the IDX reader must turn any bytes, plain or gzip, into images and labels or
// a bp::data::DataError, never a crash, a leak or undefined behaviour. Run by run_fuzz.py.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "bp/idx.h"

namespace {

// The reader opens files by name (through zlib), so each input becomes this process's file.
const std::string& scratch_file() {
  static const std::string path = "/tmp/bp-fuzz-idx-" + std::to_string(getpid());
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(scratch_file().c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  try {
    const bp::data::IdxImages images = bp::data::read_idx_images(scratch_file());
    if (images.pixels.size() != images.count * images.rows * images.cols) __builtin_trap();
  } catch (const bp::data::DataError&) {
  }
  try {
    (void)bp::data::read_idx_labels(scratch_file());
  } catch (const bp::data::DataError&) {
  }
  return 0;
}
