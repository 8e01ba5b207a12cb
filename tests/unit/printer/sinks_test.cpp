// Fault mapping, translation keys, PNG sink and the fake sink.
#include "drivers/printer/fake_sink.hpp"
#include "drivers/printer/png_io.hpp"
#include "drivers/printer/png_sink.hpp"
#include "drivers/printer/printer_fault.hpp"
#include "kiosk/core/i18n/translator.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <unistd.h>

namespace kiosk::printer {
namespace {

TEST(Classify, ReasonsWinOverStateAndWarningsDoNotBlock) {
    EXPECT_EQ(classify({3, {}, true}), Fault::none);
    EXPECT_EQ(classify({3, {"none"}, true}), Fault::none);
    EXPECT_EQ(classify({3, {"media-empty-error"}, true}), Fault::out_of_paper);
    EXPECT_EQ(classify({3, {"media-needed"}, true}), Fault::out_of_paper);
    EXPECT_EQ(classify({5, {"paused", "media-empty-report"}, true}), Fault::out_of_paper);
    EXPECT_EQ(classify({3, {"media-jam-error"}, true}), Fault::paper_jam);
    EXPECT_EQ(classify({3, {"cover-open-error"}, true}), Fault::cover_open);
    EXPECT_EQ(classify({3, {"door-open"}, true}), Fault::cover_open);
    EXPECT_EQ(classify({3, {"offline-report"}, true}), Fault::offline);
    EXPECT_EQ(classify({3, {"media-low-warning", "media-empty-warning"}, true}), Fault::none);
    EXPECT_EQ(classify({5, {"paused"}, true}), Fault::stopped);
    EXPECT_EQ(classify({5, {}, true}), Fault::stopped);
    EXPECT_EQ(classify({3, {}, false}), Fault::not_accepting);
    // A keyword that merely starts like a fault is not one.
    EXPECT_EQ(classify({3, {"offline-partly-imaginary"}, true}), Fault::none);
}

TEST(Faults, CodesRoundTrip) {
    for (Fault f : all_faults()) {
        auto back = fault_from_code(fault_code(f));
        ASSERT_TRUE(back.has_value()) << fault_code(f);
        EXPECT_EQ(*back, f);
    }
    EXPECT_FALSE(fault_from_code("nonsense").has_value());
}

TEST(Faults, EveryKeyIsTranslatedInBothLanguages) {
    const auto path = std::filesystem::path(KIOSK_DEFAULT_ASSETS_DIR) / "i18n" / "printer.tsv";
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::stringstream ss;
    ss << in.rdbuf();
    i18n::Translator t;
    auto s = t.add_table(ss.str(), path.string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    for (Fault f : all_faults()) {
        for (const std::string& key : {fault_staff_key(f), fault_citizen_key(f)}) {
            ASSERT_TRUE(t.has(key)) << key;
            EXPECT_FALSE(t.tr(key, i18n::Lang::vi).empty()) << key;
            EXPECT_FALSE(t.tr(key, i18n::Lang::en).empty()) << key;
            EXPECT_NE(t.tr(key, i18n::Lang::vi), t.tr(key, i18n::Lang::en)) << key;
        }
        if (f != Fault::none) {
            EXPECT_NE(t.tr(fault_citizen_key(f), i18n::Lang::vi).find("vẫn có hiệu lực"), std::string::npos)
                << "citizen text must say the number stays valid: " << fault_citizen_key(f);
        }
    }
    EXPECT_EQ(
        t.tr("printer.fault.out_of_paper.citizen", i18n::Lang::vi),
        "Máy in hết giấy. Số thứ tự của ông/bà vẫn có hiệu lực – hãy chụp ảnh màn hình này hoặc báo cán bộ.");
}

class TempDir : public ::testing::Test {
  protected:
    void SetUp() override {
        char tmpl[] = "/tmp/kiosk-printer-test-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        dir_ = tmpl;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

Raster sample_raster() {
    Raster r(64, 40);
    r.fill_rect(5, 5, 30, 20);
    r.set(63, 39);
    return r;
}

TEST_F(TempDir, PngSinkWritesTheRasterAndNeverOverwrites) {
    PngSink sink({dir_ / "tickets"});
    EXPECT_TRUE(sink.status().ready());
    const PrintJob job{sample_raster(), "A015/../x y"};
    const PrintOutcome a = sink.print(job);
    const PrintOutcome b = sink.print(job);
    ASSERT_TRUE(a.ok()) << a.detail;
    ASSERT_TRUE(b.ok()) << b.detail;
    EXPECT_NE(a.location, b.location);
    EXPECT_EQ(std::filesystem::path(a.location).parent_path(),
              dir_ / "tickets"); // title cannot escape the dir
    auto back = read_png(a.location);
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(*back == job.raster);
    EXPECT_FALSE(std::filesystem::exists(a.location + ".tmp"));
}

TEST_F(TempDir, PngSinkReportsUnwritableDirectory) {
    const auto blocker = dir_ / "file";
    std::ofstream(blocker) << "x";
    PngSink sink({blocker / "sub"});
    EXPECT_EQ(sink.status().fault, Fault::io_error);
    const PrintOutcome out = sink.print({sample_raster(), "t"});
    EXPECT_EQ(out.fault, Fault::io_error);
    EXPECT_NE(out.detail.find(blocker.string()), std::string::npos);
    EXPECT_EQ(PngSink({dir_}).print({Raster(), "t"}).fault, Fault::invalid_job);
}

TEST(SafeFileStem, KeepsOnlySafeCharacters) {
    EXPECT_EQ(safe_file_stem("A015"), "A015");
    EXPECT_EQ(safe_file_stem(""), "ticket");
    EXPECT_EQ(safe_file_stem("../etc/passwd"), "_._etc_passwd");
    EXPECT_EQ(safe_file_stem("số 1"), "s____1"); // ố is three UTF-8 bytes
}

TEST(FakeSink, RecordsJobsAndFollowsTheScript) {
    FakeSink sink;
    sink.fail_next(Fault::out_of_paper, "media-empty");
    sink.fail_next(Fault::job_stuck);
    const PrintJob job{sample_raster(), "A1"};
    EXPECT_EQ(sink.print(job).fault, Fault::out_of_paper);
    EXPECT_EQ(sink.print(job).fault, Fault::job_stuck);
    const PrintOutcome ok = sink.print(job);
    EXPECT_TRUE(ok.ok());
    EXPECT_EQ(ok.location, "fake#3");
    sink.set_default(Fault::offline);
    EXPECT_EQ(sink.print(job).fault, Fault::offline);
    ASSERT_EQ(sink.job_count(), 4u);
    EXPECT_TRUE(sink.jobs()[2].raster == job.raster);
    sink.set_status({Fault::cover_open, "stopped", {"cover-open-error"}, ""});
    EXPECT_EQ(sink.status().fault, Fault::cover_open);
}

} // namespace
} // namespace kiosk::printer
