#include "bp/idx.h"

#include <zlib.h>

#include <filesystem>
#include <limits>
#include <memory>

namespace bp::data {
namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803, kLabelsMagic = 0x00000801;

// A gzip or plain file read through zlib (gzread passes plain files through unchanged), which
// counts the bytes it has delivered so errors can give the offset.
class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path), file_(gzopen(path.c_str(), "rb")) {
    if (!std::filesystem::exists(path)) {
      throw DataError(path + ": no such file");
    }
    if (file_ == nullptr) {
      throw DataError(path + ": cannot be opened");
    }
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader() { gzclose(file_); }

  void read(void* into, std::size_t bytes, const char* what) {
    std::size_t done = 0;
    auto* out = static_cast<unsigned char*>(into);
    while (done < bytes) {
      const unsigned chunk = static_cast<unsigned>(
          std::min<std::size_t>(bytes - done, std::numeric_limits<int>::max() / 2));
      const int got = gzread(file_, out + done, chunk);
      if (got < 0) {
        int code = 0;
        throw DataError(path_ + ": corrupt compressed data at byte " + std::to_string(offset_) +
                        " (" + gzerror(file_, &code) + ")");
      }
      if (got == 0) {
        throw DataError(path_ + ": truncated at byte " + std::to_string(offset_) +
                        " while reading " + what + " (" + std::to_string(bytes - done) +
                        " more bytes expected)");
      }
      done += static_cast<std::size_t>(got);
      offset_ += static_cast<std::size_t>(got);
    }
  }

  std::uint32_t big_endian_u32(const char* what) {
    unsigned char b[4];
    read(b, 4, what);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
           std::uint32_t{b[3]};
  }

  // Appends `bytes` bytes to `out`, growing it as data arrives, so that a header claiming
  // more than the file holds fails as truncated instead of allocating the claimed size first.
  void read_growing(std::vector<std::uint8_t>& out, std::size_t bytes, const char* what) {
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    out.clear();
    out.reserve(std::min(bytes, kChunk));
    while (out.size() < bytes) {
      const std::size_t n = std::min(kChunk, bytes - out.size());
      const std::size_t at = out.size();
      out.resize(at + n);
      read(out.data() + at, n, what);
    }
  }

  std::size_t offset() const { return offset_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  gzFile file_;
  std::size_t offset_ = 0;
};

void require_magic(Reader& in, std::uint32_t expected, const char* kind) {
  const std::uint32_t magic = in.big_endian_u32("the magic number");
  if (magic != expected) {
    char got[16], want[16];
    std::snprintf(got, sizeof got, "0x%08x", magic);
    std::snprintf(want, sizeof want, "0x%08x", expected);
    throw DataError(in.path() + ": wrong magic number " + got + " at byte 0: an IDX " + kind +
                    " file starts with " + want);
  }
}

std::string existing(const std::string& dir, const std::string& name) {
  const std::string plain = dir + "/" + name;
  if (std::filesystem::exists(plain + ".gz")) return plain + ".gz";
  if (std::filesystem::exists(plain)) return plain;
  throw DataError(plain + "[.gz]: no such file (MNIST-format files are expected in " + dir + ")");
}

}  // namespace

IdxImages read_idx_images(const std::string& path) {
  Reader in(path);
  require_magic(in, kImagesMagic, "image");
  IdxImages images;
  images.count = in.big_endian_u32("the image count");
  images.rows = in.big_endian_u32("the row count");
  images.cols = in.big_endian_u32("the column count");
  const std::size_t bytes = images.count * images.rows * images.cols;
  if (images.rows == 0 || images.cols == 0 || bytes / images.rows / images.cols != images.count ||
      bytes > (std::size_t{1} << 34)) {
    throw DataError(path + ": implausible sizes " + std::to_string(images.count) + " x " +
                    std::to_string(images.rows) + " x " + std::to_string(images.cols) +
                    " in the header at byte 4");
  }
  in.read_growing(images.pixels, bytes, "the pixels");
  return images;
}

std::vector<std::uint8_t> read_idx_labels(const std::string& path) {
  Reader in(path);
  require_magic(in, kLabelsMagic, "label");
  const std::uint32_t count = in.big_endian_u32("the label count");
  std::vector<std::uint8_t> labels;
  in.read_growing(labels, count, "the labels");
  return labels;
}

ImageSet load_mnist_format(const std::string& dir, const std::string& split) {
  const std::string image_path = existing(dir, split + "-images-idx3-ubyte");
  const std::string label_path = existing(dir, split + "-labels-idx1-ubyte");
  const IdxImages images = read_idx_images(image_path);
  const std::vector<std::uint8_t> labels = read_idx_labels(label_path);
  if (labels.size() != images.count) {
    throw DataError(image_path + " has " + std::to_string(images.count) + " images but " +
                    label_path + " has " + std::to_string(labels.size()) + " labels");
  }
  ImageSet set;
  set.rows = images.rows;
  set.cols = images.cols;
  set.pixels.resize(images.pixels.size());
  for (std::size_t i = 0; i < images.pixels.size(); ++i) {
    set.pixels[i] = static_cast<float>(images.pixels[i]) / 255.0f;
  }
  set.labels.assign(labels.begin(), labels.end());
  return set;
}

}  // namespace bp::data
