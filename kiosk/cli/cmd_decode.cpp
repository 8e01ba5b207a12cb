#include "kiosk/cli/cmd_decode.hpp"

#include "drivers/scanner/image_file_source.hpp"
#include "drivers/scanner/zxing_decoder.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ostream>
#include <string>

namespace kiosk::cli {

namespace {

constexpr const char* kUsage =
    "usage: kioskctl decode IMAGE [--json] [--max-steps N] [--formats QRCode,Code128,...]\n";

bool parse_int(const std::string& s, int& out) {
    try {
        size_t used = 0;
        out = std::stoi(s, &used);
        return used == s.size();
    } catch (...) {
        return false;
    }
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

} // namespace

int run_decode(CliContext& ctx) {
    std::string image;
    bool json = false;
    scanner::DecoderOptions options;
    for (size_t i = 0; i < ctx.args.size(); ++i) {
        const std::string& a = ctx.args[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--max-steps" && i + 1 < ctx.args.size()) {
            int n = 0;
            if (!parse_int(ctx.args[++i], n) || n <= 0 || n > 1000) {
                ctx.err << "decode: --max-steps must be 1..1000 ladder steps, got \"" << ctx.args[i]
                        << "\"\n";
                return 2;
            }
            options.max_steps = n;
        } else if (a == "--formats" && i + 1 < ctx.args.size()) {
            options.formats = ctx.args[++i];
        } else if (!a.empty() && a[0] == '-') {
            ctx.err << "decode: unknown option \"" << a << "\"\n" << kUsage;
            return 2;
        } else if (image.empty()) {
            image = a;
        } else {
            ctx.err << "decode: only one IMAGE, got also \"" << a << "\"\n" << kUsage;
            return 2;
        }
    }
    if (image.empty()) {
        ctx.err << kUsage;
        return 2;
    }

    auto fail = [&](const Error& e) {
        if (json)
            ctx.out << nlohmann::json{{"file", image},
                                      {"found", false},
                                      {"error", {{"kind", e.kind}, {"message", e.message}}}}
                           .dump(2)
                    << "\n";
        else
            ctx.err << "decode: " << e.message << "\n";
        return 1;
    };

    auto decoder = ctx.root.make_decoder(options);
    if (!decoder) {
        ctx.err << "decode: " << decoder.error().message << "\n";
        return 2;
    }
    auto frame = scanner::load_image_file(image);
    if (!frame) return fail(frame.error());
    auto outcome = decoder.value()->decode(*frame);
    if (!outcome) return fail(outcome.error());
    const scanner::DecodeOutcome& out = *outcome;
    const double ms = static_cast<double>(out.elapsed.count()) / 1000.0;
    // The ladder the decoder was built with: the options' own, or the default one.
    const int ladder_size =
        static_cast<int>(options.ladder.empty() ? scanner::default_ladder().size() : options.ladder.size());

    if (json) {
        nlohmann::json j{{"file", image},
                         {"width", frame->width},
                         {"height", frame->height},
                         {"pixel_format", std::string(scanner::pixel_format_name(frame->format))},
                         {"found", out.code.has_value()},
                         {"steps_tried", out.steps_tried},
                         {"ladder_size", ladder_size},
                         {"code_seen", out.code_seen},
                         {"elapsed_ms", ms}};
        if (out.code) {
            j["format"] = out.code->format;
            j["text"] = out.code->text;
            j["step"] = out.code->step;
            j["step_index"] = out.code->step_index;
            auto pos = nlohmann::json::array();
            for (const auto& p : out.code->corners)
                pos.push_back({p.x, p.y});
            j["position"] = pos;
        }
        ctx.out << j.dump(2) << "\n";
        return out.code ? 0 : 1;
    }

    ctx.out << "file:     " << image << "\n"
            << "frame:    " << frame->width << "x" << frame->height << " "
            << scanner::pixel_format_name(frame->format) << "\n";
    if (!out.code) {
        ctx.out << "found:    nothing (" << out.steps_tried << " of " << ladder_size << " steps tried"
                << (out.code_seen ? ", a code is in view but unreadable" : "") << ")\n"
                << "time:     " << fixed(ms, 1) << " ms\n";
        return 1;
    }
    ctx.out << "format:   " << out.code->format << "\n"
            << "text:     " << out.code->text << "\n"
            << "position:";
    for (const auto& p : out.code->corners)
        ctx.out << " (" << fixed(p.x, 0) << "," << fixed(p.y, 0) << ")";
    ctx.out << "\n"
            << "step:     " << out.code->step << " (step " << out.code->step_index + 1 << " of "
            << ladder_size << ")\n"
            << "time:     " << fixed(ms, 1) << " ms\n";
    return 0;
}

} // namespace kiosk::cli
