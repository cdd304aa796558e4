// The IDX reader: MNIST-format files, plain or gzip-compressed, and clear errors for bad ones.
#include "bp/idx.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<unsigned char>;

// A fresh folder per test, removed afterwards.
class IdxFiles : public ::testing::Test {
 protected:
  fs::path dir =
      fs::temp_directory_path() /
      ("bp-idx-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  void SetUp() override { fs::create_directories(dir); }
  void TearDown() override { fs::remove_all(dir); }

  std::string write(const std::string& name, const Bytes& bytes, bool gzip) {
    const std::string path = (dir / name).string();
    if (gzip) {
      gzFile f = gzopen(path.c_str(), "wb");
      gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
      gzclose(f);
    } else {
      std::ofstream(path, std::ios::binary)
          .write(reinterpret_cast<const char*>(bytes.data()),
                 static_cast<std::streamsize>(bytes.size()));
    }
    return path;
  }

  // Three 2×2 images with pixels 0, 1, …, 11, and their labels 7, 0, 9.
  static Bytes images(std::size_t count_in_header = 3, std::size_t pixels = 12) {
    Bytes b = {0, 0, 8, 3, 0, 0, 0, static_cast<unsigned char>(count_in_header),
               0, 0, 0, 2, 0, 0, 0, 2};
    for (std::size_t i = 0; i < pixels; ++i) b.push_back(static_cast<unsigned char>(i));
    return b;
  }
  static Bytes labels(std::size_t count = 3) {
    Bytes b = {0, 0, 8, 1, 0, 0, 0, static_cast<unsigned char>(count)};
    const unsigned char values[] = {7, 0, 9};
    for (std::size_t i = 0; i < count; ++i) b.push_back(values[i]);
    return b;
  }
};

// The same bytes read the same, plain or gzip-compressed.
TEST_F(IdxFiles, ReadsPlainAndCompressedFiles) {
  for (bool gzip : {false, true}) {
    const auto set = bp::data::read_idx_images(write(gzip ? "i.gz" : "i", images(), gzip));
    EXPECT_EQ(set.count, 3u);
    EXPECT_EQ(set.rows, 2u);
    EXPECT_EQ(set.cols, 2u);
    ASSERT_EQ(set.pixels.size(), 12u);
    EXPECT_EQ(set.pixels[11], 11);
    EXPECT_EQ(bp::data::read_idx_labels(write(gzip ? "l.gz" : "l", labels(), gzip)),
              (std::vector<std::uint8_t>{7, 0, 9}));
  }
}

// A folder in MNIST's layout becomes one column per image, scaled to [0, 1], with its labels.
TEST_F(IdxFiles, LoadsAnMnistFormatFolder) {
  write("t10k-images-idx3-ubyte.gz", images(), true);
  write("t10k-labels-idx1-ubyte", labels(), false);
  const auto set = bp::data::load_mnist_format(dir.string(), "t10k");
  EXPECT_EQ(set.size(), 3u);
  EXPECT_EQ(set.pixels.size(), 12u);
  EXPECT_FLOAT_EQ(set.pixels[5], 5.0f / 255.0f) << "image 1, pixel 1";
  EXPECT_EQ(set.labels, (std::vector<int>{7, 0, 9}));
}

// Each kind of bad file gets a message naming the file and, where it applies, the byte offset.
TEST_F(IdxFiles, ExplainsBadFiles) {
  auto message = [](auto&& read) -> std::string {
    try {
      read();
    } catch (const bp::data::DataError& e) {
      return e.what();
    }
    return "no error";
  };
  const std::string missing = (dir / "nothing").string();
  EXPECT_EQ(message([&] { bp::data::read_idx_images(missing); }), missing + ": no such file");
  const std::string wrong = write("labels-as-images", labels(), false);
  EXPECT_EQ(message([&] { bp::data::read_idx_images(wrong); }),
            wrong +
                ": wrong magic number 0x00000801 at byte 0: an IDX image file starts with "
                "0x00000803");
  const std::string short_file = write("short.gz", images(3, 10), true);
  EXPECT_EQ(message([&] { bp::data::read_idx_images(short_file); }),
            short_file + ": truncated at byte 26 while reading the pixels (2 more bytes expected)");
  write("train-images-idx3-ubyte", images(), false);
  write("train-labels-idx1-ubyte", labels(2), false);
  EXPECT_NE(
      message([&] { bp::data::load_mnist_format(dir.string(), "train"); }).find("has 3 images but"),
      std::string::npos);
}

// Debian's dataset-fashion-mnist (installed by ./course test): 10,000 test images of 28 × 28
// with labels 0–9.
TEST(FashionMnist, TheDebianPackageLoads) {
  const auto set = bp::data::load_mnist_format("/usr/share/datasets/fashion-mnist", "t10k");
  EXPECT_EQ(set.size(), 10000u);
  EXPECT_EQ(set.rows, 28u);
  EXPECT_EQ(set.cols, 28u);
  for (int label : set.labels) {
    ASSERT_TRUE(label >= 0 && label < 10) << label;
  }
}

}  // namespace
