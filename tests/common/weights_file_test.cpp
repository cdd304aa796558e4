// The weights file: a round trip keeps every value, and every way a file can be wrong gets an
// error that names the file and where (the byte offset, or the matrix and both shapes), while
// the destination stays untouched.
#include "bp/weights_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bp/datasets.h"

namespace {

using bp::io::NamedMatrix;
using bp::io::WeightsError;
using Mat = Eigen::MatrixXf;

std::string scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "bp-weights-test";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::vector<std::uint8_t> bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

// A (2, 3) "W" and a (2, 1) "b", saved to `path`.
struct TwoMatrices {
  Mat W = Mat::Random(2, 3), b = Mat::Random(2, 1);
  std::vector<NamedMatrix<float>> views() {
    return {{"0.W", {W.data(), 2, 3}}, {"0.b", {b.data(), 2, 1}}};
  }
};

std::string expect_error(const std::string& path, std::vector<NamedMatrix<float>> into) {
  try {
    bp::io::load_weights(path, into);
  } catch (const WeightsError& e) {
    return e.what();
  }
  ADD_FAILURE() << "load_weights accepted " << path;
  return "";
}

TEST(WeightsFile, RoundTripKeepsEveryValueAndTheFormatIsDocumented) {
  TwoMatrices saved, loaded;
  const std::string path = scratch("round_trip.bpw");
  bp::io::save_weights(path, saved.views());
  bp::io::load_weights(path, loaded.views());
  EXPECT_EQ(loaded.W, saved.W);
  EXPECT_EQ(loaded.b, saved.b);
  const auto bytes = bytes_of(path);
  // 16 header bytes; per matrix 4 + 3 (name) + 8 + 8 + 4 + values; 4 checksum bytes.
  EXPECT_EQ(bytes.size(), 16u + (27u + 6 * 4) + (27u + 2 * 4) + 4u);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 8), "BPWEIGHT");
  EXPECT_FALSE(std::filesystem::exists(path + ".partial")) << "the temporary file is renamed";
}

TEST(WeightsFile, ACorruptByteIsCaughtByTheChecksum) {
  TwoMatrices saved, loaded;
  const std::string path = scratch("corrupt.bpw");
  bp::io::save_weights(path, saved.views());
  auto bytes = bytes_of(path);
  bytes[60] ^= 0x10;  // inside W's values
  write_bytes(path, bytes);
  const Mat before = loaded.W;
  const std::string message = expect_error(path, loaded.views());
  EXPECT_NE(message.find("corrupt"), std::string::npos) << message;
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_EQ(loaded.W, before) << "a failed load must leave the model untouched";
}

TEST(WeightsFile, TruncationWrongMagicAndVersionNameTheByte) {
  TwoMatrices saved;
  const std::string path = scratch("bad.bpw");
  bp::io::save_weights(path, saved.views());
  const auto good = bytes_of(path);

  write_bytes(path, {good.begin(), good.begin() + 50});
  const std::string truncated = expect_error(path, saved.views());
  EXPECT_NE(truncated.find("truncated"), std::string::npos) << truncated;
  // W's shape starts after the header (16 bytes), the name length (4) and the name "0.W" (3).
  EXPECT_NE(truncated.find("at byte 23"), std::string::npos) << truncated;

  auto wrong_magic = good;
  wrong_magic[0] = 'X';
  write_bytes(path, wrong_magic);
  EXPECT_NE(expect_error(path, saved.views()).find("not a weights file"), std::string::npos);

  auto wrong_version = good;
  wrong_version[8] = 2;
  write_bytes(path, wrong_version);
  const std::string message = expect_error(path, saved.views());
  EXPECT_NE(message.find("format version 2, but this program reads version 1 at byte 8"),
            std::string::npos)
      << message;

  EXPECT_NE(expect_error(scratch("missing.bpw"), saved.views()).find("cannot be opened"),
            std::string::npos);
}

TEST(WeightsFile, AFileForAnotherNetworkNamesBothShapes) {
  TwoMatrices saved;
  const std::string path = scratch("other_network.bpw");
  bp::io::save_weights(path, saved.views());
  Mat W(3, 3), b(2, 1);
  const std::string message =
      expect_error(path, {{"0.W", {W.data(), 3, 3}}, {"0.b", {b.data(), 2, 1}}});
  EXPECT_NE(message.find("(2, 3) in the file but 0.W (3, 3) in the model"), std::string::npos)
      << message;
  EXPECT_NE(expect_error(path, {{"0.W", {W.data(), 3, 3}}}).find("holds 2 matrices"),
            std::string::npos);
}

TEST(WeightsFile, ParsesDoubleAndRejectsImpossibleSizesWithoutAllocating) {
  Eigen::MatrixXd D = Eigen::MatrixXd::Random(2, 2);
  const std::string path = scratch("double.bpw");
  bp::io::save_weights<double>(path, {{"D", {D.data(), 2, 2}}});
  auto bytes = bytes_of(path);
  const auto stored = bp::io::parse_weights(bytes, path);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].scalar, 8u);
  EXPECT_EQ(stored[0].values[3], D(1, 1));
  // Claim 2^40 rows: the parser must refuse by comparing with the bytes left, not allocate.
  bytes[16 + 4 + 1 + 5] = 1;  // the fifth byte of the row count: rows = 2 + 2^40
  try {
    bp::io::parse_weights(bytes, path);
    FAIL() << "an impossible row count was accepted";
  } catch (const WeightsError& e) {
    EXPECT_NE(std::string(e.what()).find("more than the file holds"), std::string::npos)
        << e.what();
  }
}

TEST(SyntheticImages, TenSeededPatternsInTheMnistLayout) {
  const bp::data::ImageSet a = bp::data::synthetic_images(50, 7),
                           b = bp::data::synthetic_images(50, 7);
  EXPECT_EQ(a.rows, 28u);
  EXPECT_EQ(a.size(), 50u);
  EXPECT_EQ(a.pixels.size(), 50u * 784u);
  EXPECT_EQ(a.labels[13], 3);
  EXPECT_EQ(a.pixels, b.pixels) << "the same seed gives the same images";
  for (const float p : a.pixels) ASSERT_TRUE(p >= 0.0f && p <= 1.0f);
}

}  // namespace
