// The decoder on checked-in camera-like frames, one per condition of decode_bench plus one it cannot read
// (tests/unit/scanner/frames, listed in frames.tsv with the payload each holds and whether our ladder read
// it). Where raw ZXing-cpp misses a frame of a condition, that frame was chosen. They come from
// decode_bench's *tuning* seed (never the held-out one): `decode_bench --set tuning --per-condition 20
// --save-frames DIR
// --save-per-condition 1`. Each file is read the way the kiosk reads an image file (JPEG, quality 90).
#include "drivers/scanner/image_file_source.hpp"
#include "drivers/scanner/zbar_decoder.hpp"
#include "drivers/scanner/zxing_decoder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace kiosk::scanner;

namespace {

struct Expected {
    std::string file, condition, payload;
    bool read = true; // "read": our ladder reads it; "unread": it must at least not read anything else
};

std::vector<Expected> manifest() {
    std::vector<Expected> out;
    std::ifstream in(std::string(KIOSK_TEST_DATA_DIR) + "/unit/scanner/frames/frames.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Expected e;
        std::string verdict;
        std::getline(fields, e.file, '\t');
        std::getline(fields, e.condition, '\t');
        std::getline(fields, e.payload, '\t');
        std::getline(fields, verdict, '\t');
        e.read = verdict == "read";
        out.push_back(e);
    }
    return out;
}

} // namespace

TEST(ConditionFrames, OurLadderReadsWhatTheManifestSays) {
    const auto frames = manifest();
    ASSERT_EQ(frames.size(), 14u) << "one frame per decode_bench condition and one unreadable";
    auto decoder = ZxingDecoder::create({});
    ASSERT_TRUE(decoder.ok());
    int read = 0;
    for (const auto& e : frames) {
        SCOPED_TRACE(e.file + " [" + e.condition + "]");
        auto frame = load_image_file(std::string(KIOSK_TEST_DATA_DIR) + "/unit/scanner/frames/" + e.file);
        ASSERT_TRUE(frame.ok()) << frame.error().message;
        EXPECT_EQ(frame->width, 1280);
        EXPECT_EQ(frame->height, 720);
        auto out = decoder.value()->decode(*frame);
        ASSERT_TRUE(out.ok());
        if (e.read) {
            ASSERT_TRUE(out->code.has_value()) << "not read: " << e.payload;
            EXPECT_EQ(out->code->text, e.payload);
            EXPECT_EQ(out->code->format, "QRCode");
            ++read;
        } else {
            EXPECT_FALSE(out->code.has_value()) << "read after all: update frames.tsv";
            // Its finder patterns are visible: the scan screen asks the citizen to hold the receipt still.
            EXPECT_TRUE(out->code_seen);
        }
    }
    EXPECT_EQ(read, 13);
}

TEST(ConditionFrames, SameFrameSameAnswerEveryTime) {
    // No time budget: decoding a frame twice takes the same rungs to the same answer.
    auto decoder = ZxingDecoder::create({});
    ASSERT_TRUE(decoder.ok());
    for (const auto& e : manifest()) {
        auto frame = load_image_file(std::string(KIOSK_TEST_DATA_DIR) + "/unit/scanner/frames/" + e.file);
        ASSERT_TRUE(frame.ok());
        auto a = decoder.value()->decode(*frame);
        auto b = decoder.value()->decode(*frame);
        ASSERT_TRUE(a.ok() && b.ok());
        EXPECT_EQ(a->steps_tried, b->steps_tried) << e.file;
        EXPECT_EQ(a->code.has_value(), b->code.has_value()) << e.file;
        if (a->code && b->code) {
            EXPECT_EQ(a->code->step, b->code->step) << e.file;
        }
    }
}

TEST(ZbarDecoder, ReadsAPlainFrameAndMapsItsCorners) {
    const auto frames = manifest();
    // The "anywhere" frame: a sharp code near the border, which ZBar reads on its own.
    const auto it = std::find_if(frames.begin(), frames.end(),
                                 [](const Expected& e) { return e.condition == "anywhere"; });
    ASSERT_NE(it, frames.end());
    auto frame = load_image_file(std::string(KIOSK_TEST_DATA_DIR) + "/unit/scanner/frames/" + it->file);
    ASSERT_TRUE(frame.ok());
    ZbarDecoder zbar;
    auto out = zbar.decode(*frame);
    ASSERT_TRUE(out.ok());
    ASSERT_TRUE(out->code.has_value());
    EXPECT_EQ(out->code->text, it->payload);
    for (const auto& c : out->code->corners) {
        EXPECT_GE(c.x, 0);
        EXPECT_LT(c.x, 1280);
        EXPECT_GE(c.y, 0);
        EXPECT_LT(c.y, 720);
    }
}
