/// \file
/// \brief Reading MNIST-format (IDX) files, plain or gzip-compressed, with errors that name the
/// file and the byte offset.
///
/// The IDX format (LeCun's MNIST page): 2 zero bytes, a type byte (0x08 = unsigned byte), a byte
/// with the number of dimensions d, then d big-endian 32-bit sizes, then the data in row-major
/// order. Images are d = 3 (count, rows, columns), labels d = 1 (count). Fashion-MNIST, from
/// Debian's dataset-fashion-mnist, uses the same format and file names as MNIST.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace bp::data {

/// Thrown when a data file is missing, malformed or inconsistent; the message names the file and,
/// where it applies, the byte offset in the uncompressed data.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The images of an IDX image file.
struct IdxImages {
  std::size_t count = 0;             ///< N, the number of images
  std::size_t rows = 0;              ///< the height of each image in pixels
  std::size_t cols = 0;              ///< the width of each image in pixels
  std::vector<std::uint8_t> pixels;  ///< (N·rows·cols) bytes, image after image, row by row
};

/// Reads an IDX image file (magic 0x00000803), gzip-compressed or plain (zlib tells them apart).
/// \param path  the file
/// \return      the images
/// \throws DataError for a missing file, a wrong magic number, a truncated file or sizes that do
///         not fit in memory; the message names the file and the byte offset
IdxImages read_idx_images(const std::string& path);

/// Reads an IDX label file (magic 0x00000801), gzip-compressed or plain.
/// \param path  the file
/// \return      N labels
/// \throws DataError as read_idx_images
std::vector<std::uint8_t> read_idx_labels(const std::string& path);

/// A labelled image set, ready for a network: one image per column, pixels scaled to [0, 1].
struct ImageSet {
  std::size_t rows = 0;       ///< image height
  std::size_t cols = 0;       ///< image width
  std::vector<float> pixels;  ///< (rows·cols, N) column-major: image n is column n
  std::vector<int> labels;    ///< (N) class labels
  /// \return N, the number of images
  std::size_t size() const { return labels.size(); }
};

/// Reads `<dir>/<split>-images-idx3-ubyte[.gz]` and `<dir>/<split>-labels-idx1-ubyte[.gz]`
/// (split "train" or "t10k"), the file names of MNIST and Fashion-MNIST.
/// \param dir    the folder (Debian's Fashion-MNIST: /usr/share/datasets/fashion-mnist)
/// \param split  "train" or "t10k"
/// \return       the images and labels
/// \throws DataError if a file is missing or malformed, or the image and label counts differ
ImageSet load_mnist_format(const std::string& dir, const std::string& split);

}  // namespace bp::data
