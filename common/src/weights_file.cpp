#include "bp/weights_file.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace bp::io {
namespace {

std::string shape(std::int64_t rows, std::int64_t cols) {
  return "(" + std::to_string(rows) + ", " + std::to_string(cols) + ")";
}

std::uint32_t crc_of(std::span<const std::uint8_t> bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  std::size_t done = 0;
  while (done < bytes.size()) {  // crc32 takes at most 4 GiB at a time
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(bytes.size() - done, 1u << 30));
    crc = crc32(crc, bytes.data() + done, chunk);
    done += chunk;
  }
  return static_cast<std::uint32_t>(crc);
}

// Reads little-endian fields and says where a read ran past the end.
class Cursor {
 public:
  Cursor(std::span<const std::uint8_t> bytes, const std::string& source)
      : bytes_(bytes), source_(source) {}

  template <typename U>
  U integer(const char* what) {
    need(sizeof(U), what);
    U value = 0;
    for (std::size_t i = 0; i < sizeof(U); ++i) {
      value |= static_cast<U>(static_cast<U>(bytes_[offset_ + i]) << (8 * i));
    }
    offset_ += sizeof(U);
    return value;
  }

  std::span<const std::uint8_t> take(std::size_t n, const std::string& what) {
    need(n, what.c_str());
    const auto out = bytes_.subspan(offset_, n);
    offset_ += n;
    return out;
  }

  std::size_t offset() const { return offset_; }
  std::size_t remaining() const { return bytes_.size() - offset_; }
  [[noreturn]] void fail(const std::string& what, std::size_t at) const {
    throw WeightsError(source_ + ": " + what + " at byte " + std::to_string(at));
  }

 private:
  void need(std::size_t n, const char* what) const {
    if (n > remaining()) {
      throw WeightsError(source_ + ": truncated at byte " + std::to_string(offset_) +
                         " while reading " + what + " (" + std::to_string(n) + " bytes needed, " +
                         std::to_string(remaining()) + " left)");
    }
  }

  std::span<const std::uint8_t> bytes_;
  const std::string& source_;
  std::size_t offset_ = 0;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
}

}  // namespace

std::vector<StoredMatrix> parse_weights(std::span<const std::uint8_t> bytes,
                                        const std::string& source) {
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), kWeightsMagic, 8) != 0) {
    throw WeightsError(source + ": not a weights file: the magic bytes at byte 0 are not BPWEIGHT");
  }
  if (bytes.size() < 20) {
    throw WeightsError(source + ": truncated: " + std::to_string(bytes.size()) +
                       " bytes, less than a header (16) and a checksum (4)");
  }
  Cursor in(bytes.first(bytes.size() - 4), source);  // the last 4 bytes are the checksum
  in.take(8, "the magic bytes");
  const std::size_t version_at = in.offset();
  const auto version = in.integer<std::uint32_t>("the version");
  if (version != kWeightsVersion) {
    in.fail("format version " + std::to_string(version) + ", but this program reads version " +
                std::to_string(kWeightsVersion),
            version_at);
  }
  const auto count = in.integer<std::uint32_t>("the number of matrices");
  std::vector<StoredMatrix> out;
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::string which = "matrix " + std::to_string(k);
    StoredMatrix m;
    const std::size_t name_at = in.offset();
    const auto name_length = in.integer<std::uint32_t>("a name length");
    if (name_length > 255)
      in.fail(which + " has a name of " + std::to_string(name_length) + " bytes", name_at);
    const auto name = in.take(name_length, which + "'s name");
    m.name.assign(name.begin(), name.end());
    const std::size_t shape_at = in.offset();
    const auto rows = in.integer<std::uint64_t>("a row count");
    const auto cols = in.integer<std::uint64_t>("a column count");
    m.scalar = in.integer<std::uint32_t>("a scalar size");
    if (m.scalar != 4 && m.scalar != 8) {
      in.fail(which + " (" + m.name + ") has scalar size " + std::to_string(m.scalar) +
                  " (4 or 8 expected)",
              shape_at + 16);
    }
    // Compare with what is left before multiplying, so that no size can overflow.
    const std::size_t left = in.remaining() / m.scalar;
    if (rows > left || cols > left || (rows != 0 && cols > left / rows)) {
      in.fail("truncated or corrupt: " + which + " (" + m.name + ") claims " +
                  std::to_string(rows) + " x " + std::to_string(cols) + " values of " +
                  std::to_string(m.scalar) + " bytes, more than the file holds (" +
                  std::to_string(in.remaining()) + " bytes left)",
              shape_at);
    }
    m.rows = static_cast<std::int64_t>(rows);
    m.cols = static_cast<std::int64_t>(cols);
    const auto data =
        in.take(static_cast<std::size_t>(rows * cols) * m.scalar, which + "'s values");
    m.values.resize(static_cast<std::size_t>(rows * cols));
    for (std::size_t i = 0; i < m.values.size(); ++i) {
      if (m.scalar == 4) {
        float f;
        std::memcpy(&f, data.data() + 4 * i, 4);  // the format is little-endian, like this CPU
        m.values[i] = static_cast<double>(f);
      } else {
        std::memcpy(&m.values[i], data.data() + 8 * i, 8);
      }
    }
    out.push_back(std::move(m));
  }
  if (in.remaining() != 0) {
    in.fail(std::to_string(in.remaining()) + " unexpected bytes after the last matrix",
            in.offset());
  }
  // The structure is sound; now the content: a flipped bit anywhere changes the CRC.
  Cursor tail(bytes.last(4), source);
  const std::uint32_t stored_crc = tail.integer<std::uint32_t>("the checksum");
  const std::uint32_t computed = crc_of(bytes.first(bytes.size() - 4));
  if (stored_crc != computed) {
    throw WeightsError(source + ": corrupt: the CRC-32 stored at byte " +
                       std::to_string(bytes.size() - 4) + " does not match the content (stored " +
                       std::to_string(stored_crc) + ", computed " + std::to_string(computed) + ")");
  }
  return out;
}

template <typename T>
void save_weights(const std::string& path, const std::vector<NamedMatrix<T>>& matrices) {
  std::string out(kWeightsMagic, 8);
  put_u32(out, kWeightsVersion);
  put_u32(out, static_cast<std::uint32_t>(matrices.size()));
  for (const auto& m : matrices) {
    if (m.name.size() > 255) {
      throw WeightsError("save_weights: the name " + m.name.substr(0, 40) +
                         "… is longer than 255 bytes");
    }
    put_u32(out, static_cast<std::uint32_t>(m.name.size()));
    out += m.name;
    put_u64(out, static_cast<std::uint64_t>(m.value.rows()));
    put_u64(out, static_cast<std::uint64_t>(m.value.cols()));
    put_u32(out, sizeof(T));
    out.append(reinterpret_cast<const char*>(m.value.data()),
               static_cast<std::size_t>(m.value.size()) * sizeof(T));
  }
  put_u32(out, crc_of({reinterpret_cast<const std::uint8_t*>(out.data()), out.size()}));

  const std::string temporary = path + ".partial";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!file) {
      throw WeightsError("save_weights: cannot write " + temporary);
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    throw WeightsError("save_weights: cannot rename " + temporary + " to " + path + ": " +
                       error.message());
  }
}

template <typename T>
void load_weights(const std::string& path, const std::vector<NamedMatrix<T>>& matrices) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw WeightsError(path + ": cannot be opened (no such file, or not readable)");
  }
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(file)),
                                        std::istreambuf_iterator<char>());
  const std::vector<StoredMatrix> stored = parse_weights(bytes, path);
  if (stored.size() != matrices.size()) {
    throw WeightsError(path + " holds " + std::to_string(stored.size()) +
                       " matrices but the model has " + std::to_string(matrices.size()) +
                       ": it was saved from a different network");
  }
  for (std::size_t k = 0; k < stored.size(); ++k) {
    const auto& s = stored[k];
    const auto& m = matrices[k];
    if (s.name != m.name || s.rows != m.value.rows() || s.cols != m.value.cols()) {
      throw WeightsError(path + ": matrix " + std::to_string(k) + " is " + s.name + " " +
                         shape(s.rows, s.cols) + " in the file but " + m.name + " " +
                         shape(m.value.rows(), m.value.cols()) + " in the model");
    }
  }
  for (std::size_t k = 0; k < stored.size(); ++k) {
    auto value = matrices[k].value;
    for (Eigen::Index i = 0; i < value.size(); ++i) {
      value.data()[i] = static_cast<T>(stored[k].values[static_cast<std::size_t>(i)]);
    }
  }
}

template void save_weights<float>(const std::string&, const std::vector<NamedMatrix<float>>&);
template void save_weights<double>(const std::string&, const std::vector<NamedMatrix<double>>&);
template void load_weights<float>(const std::string&, const std::vector<NamedMatrix<float>>&);
template void load_weights<double>(const std::string&, const std::vector<NamedMatrix<double>>&);

}  // namespace bp::io
