#include "drivers/printer/qr_matrix.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <exception>
#include <string>

namespace kiosk::printer {

Result<QrMatrix> encode_qr(std::string_view payload) {
    ZXing::BitMatrix matrix;
    try {
        matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                     .setMargin(0)
                     .encode(std::string(payload), 0, 0);
    } catch (const std::exception& e) {
        return make_error("qr_encode", "cannot encode a QR code of " + std::to_string(payload.size()) +
                                           " bytes: " + e.what());
    }
    if (matrix.width() <= 0 || matrix.width() != matrix.height())
        return make_error("qr_encode", "QR encoder returned an empty matrix");
    QrMatrix out;
    out.size = matrix.width();
    out.modules.resize(static_cast<size_t>(out.size) * out.size);
    for (int y = 0; y < out.size; ++y)
        for (int x = 0; x < out.size; ++x)
            out.modules[static_cast<size_t>(y * out.size + x)] = matrix.get(x, y) ? 1 : 0;
    return out;
}

} // namespace kiosk::printer
