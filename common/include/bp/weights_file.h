/// \file
/// \brief Saving and loading trained weights: a small documented binary format.
///
/// Format, version 1 (all integers little-endian):
///
/// | offset | size | content |
/// |---|---|---|
/// | 0 | 8 | the magic bytes `BPWEIGHT` |
/// | 8 | 4 | the format version, 1 |
/// | 12 | 4 | the number of matrices, M |
/// | 16 | … | M entries: name length L (4 bytes, at most 255), the name (L bytes, no terminator),
/// rows (8), cols (8), the scalar size S (4: 4 for float32, 8 for float64), then rows·cols scalars
/// of S bytes, column by column | | end − 4 | 4 | the CRC-32 (zlib's) of every byte before it |
///
/// Loading checks everything before it writes anything: a corrupt file, a file of another
/// version, or weights for a differently shaped network get an error naming the file, the byte
/// offset or the matrix and both shapes, and leave the model untouched.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "bp/eigen.h"

namespace bp::io {

/// A weights file that cannot be read or does not fit the model.
class WeightsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One named matrix viewed in place: the value written by save_weights, filled by load_weights.
template <typename T>
struct NamedMatrix {
  std::string name;                                                    ///< such as "0.W"
  Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> value;  ///< any shape (r, c)
};

/// One matrix as stored in a file, in double whatever its stored scalar size.
struct StoredMatrix {
  std::string name;            ///< the stored name
  std::int64_t rows = 0;       ///< r
  std::int64_t cols = 0;       ///< c
  std::uint32_t scalar = 0;    ///< 4 (float32) or 8 (float64): the precision it was saved in
  std::vector<double> values;  ///< r·c values, column by column
};

/// The format's magic bytes, at byte 0.
inline constexpr char kWeightsMagic[9] = "BPWEIGHT";
/// The format version this code writes and reads, at byte 8.
inline constexpr std::uint32_t kWeightsVersion = 1;

/// Parses the bytes of a weights file.
/// \param bytes   the whole file
/// \param source  the file's name, for messages
/// \return        the stored matrices, in file order
/// \throws WeightsError naming `source` and the byte offset of the first problem
std::vector<StoredMatrix> parse_weights(std::span<const std::uint8_t> bytes,
                                        const std::string& source);

/// Writes matrices to `path` in format version 1, through a temporary file that is renamed over
/// `path` only once complete (an interrupted save never leaves half a file).
/// \param path      the file to create or replace
/// \param matrices  the matrices, in order; names at most 255 bytes
/// \throws WeightsError if the file cannot be written or a name is too long
template <typename T>
void save_weights(const std::string& path, const std::vector<NamedMatrix<T>>& matrices);

/// Reads `path` and copies its matrices into `matrices`, after checking that the file holds
/// exactly as many matrices, with the same names and shapes, in the same order.
/// \param path      a file written by save_weights
/// \param matrices  the destinations; each must have its stored matrix's shape
/// \throws WeightsError if the file is missing, corrupt, or does not fit; nothing is written then
template <typename T>
void load_weights(const std::string& path, const std::vector<NamedMatrix<T>>& matrices);

}  // namespace bp::io
