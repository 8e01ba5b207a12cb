#include "drivers/scanner/zbar_decoder.hpp"

#include <zbar.h>

#include <algorithm>
#include <chrono>

namespace kiosk::scanner {

struct ZbarDecoder::Impl {
    zbar::zbar_image_scanner_t* scanner = nullptr;
};

ZbarDecoder::ZbarDecoder(const std::string& formats) : impl_(std::make_unique<Impl>()) {
    impl_->scanner = zbar::zbar_image_scanner_create();
    const bool all = formats.empty();
    zbar::zbar_image_scanner_set_config(impl_->scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    if (all || formats.find("QRCode") != std::string::npos)
        zbar::zbar_image_scanner_set_config(impl_->scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    if (all || formats.find("Code128") != std::string::npos)
        zbar::zbar_image_scanner_set_config(impl_->scanner, zbar::ZBAR_CODE128, zbar::ZBAR_CFG_ENABLE, 1);
}

ZbarDecoder::~ZbarDecoder() {
    zbar::zbar_image_scanner_destroy(impl_->scanner);
}

std::optional<DecodedCode> ZbarDecoder::read_gray(const GrayImage& image) {
    if (image.width < 16 || image.height < 16) return std::nullopt;
    zbar::zbar_image_t* zi = zbar::zbar_image_create();
    zbar::zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(zi, static_cast<unsigned>(image.width), static_cast<unsigned>(image.height));
    // ZBar only reads the bytes (no cleanup handler): the image outlives this call.
    zbar::zbar_image_set_data(zi, image.pixels.data(), image.pixels.size(), nullptr);
    std::optional<DecodedCode> out;
    if (zbar::zbar_scan_image(impl_->scanner, zi) > 0) {
        const zbar::zbar_symbol_t* sym = zbar::zbar_image_first_symbol(zi);
        if (sym) {
            DecodedCode code;
            code.text = zbar::zbar_symbol_get_data(sym);
            code.format = zbar::zbar_symbol_get_type(sym) == zbar::ZBAR_QRCODE ? "QRCode" : "Code128";
            const unsigned n = zbar::zbar_symbol_get_loc_size(sym);
            for (unsigned k = 0; k < 4 && n > 0; ++k) {
                const unsigned i = std::min(k, n - 1);
                code.corners[k] = {static_cast<double>(zbar::zbar_symbol_get_loc_x(sym, i)),
                                   static_cast<double>(zbar::zbar_symbol_get_loc_y(sym, i))};
            }
            code.step = "zbar";
            out = std::move(code);
        }
    }
    zbar::zbar_image_destroy(zi);
    return out;
}

Result<DecodeOutcome> ZbarDecoder::decode(const Frame& frame) {
    if (auto st = frame.validate(); !st) return st.error();
    const auto start = std::chrono::steady_clock::now();
    DecodeOutcome outcome;
    outcome.steps_tried = 1;
    outcome.code = read_gray(extract_luma(frame));
    outcome.elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    return outcome;
}

} // namespace kiosk::scanner
