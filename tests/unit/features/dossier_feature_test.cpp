// The dossier feature with doubles: a scripted dossier source, no camera, no window.
#include "fakes.hpp"

#include "kiosk/features/camera_lease.hpp"
#include "kiosk/features/dossier/dossier_commands.hpp"
#include "kiosk/features/dossier/dossier_feature.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace kiosk;
using namespace kiosk::features;
using namespace kiosk::features::dossier_ui;

namespace {

const char* const kCode = "H15.50.05.13-261008-0975";

struct DossierFixture : test::FeatureFixture<DossierFeature> {
    void prepare() override {
        dossier::Dossier d;
        d.code = *dossier::parse_dossier_code(kCode);
        d.status = dossier::DossierStatus::processing;
        d.procedure_name = "Đăng ký khai sinh";
        d.applicant_name = "Nguyễn Văn Mẫu";
        parts->dossiers->dossiers[kCode] = d;
    }
    void type(const std::string& text) { ASSERT_TRUE(feature->handle_input(ui::KeyboardInput{text})); }
};

TEST_F(DossierFixture, TypedCodeIsLookedUpAndTheStatusOpens) {
    shell.go(kScanScreen);
    type("h15.50.05.13-261008-0975");
    feature->handle(ui::FeatureCommand::of(SubmitDossierCode{}));
    ASSERT_TRUE(test::pump(completions, *feature));
    ASSERT_TRUE(feature->model().result.has_value());
    EXPECT_EQ(feature->model().result->status, 4);
    EXPECT_NE(feature->model().result->applicant_masked, "Nguyễn Văn Mẫu"); // names are masked
    EXPECT_EQ(shell.screen(), kStatusScreen);
}

TEST_F(DossierFixture, EnterOnTheKeyboardSubmitsToo) {
    shell.go(kScanScreen);
    type(kCode);
    ASSERT_TRUE(feature->handle_input(ui::KeyboardEnter{}));
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(shell.screen(), kStatusScreen);
}

TEST_F(DossierFixture, UnknownCodeSaysNotFound) {
    shell.go(kScanScreen);
    type("H15.50.05.13-261008-0976");
    feature->handle(ui::FeatureCommand::of(SubmitDossierCode{}));
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_FALSE(feature->model().result.has_value());
    EXPECT_FALSE(feature->model().error_key.empty());
    EXPECT_EQ(shell.screen(), kScanScreen);
}

TEST_F(DossierFixture, ALookupTheCitizenLeftIsDropped) {
    parts->dossiers->delay = std::chrono::milliseconds(150);
    shell.go(kScanScreen);
    type(kCode);
    feature->handle(ui::FeatureCommand::of(SubmitDossierCode{}));
    EXPECT_TRUE(feature->model().looking_up);
    shell.back(); // the citizen walks away before the answer comes
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_FALSE(feature->model().result.has_value());
    EXPECT_EQ(shell.screen(), ui::kHomeScreen);
}

TEST_F(DossierFixture, AScannedReceiptOnAnyScreenOpensItsStatus) {
    feature->handle_payload(std::string("https://dichvucong.hanoi.gov.vn/tra-cuu?code=") + kCode, "camera");
    ASSERT_TRUE(test::pump(completions, *feature));
    ASSERT_TRUE(feature->model().result.has_value());
    EXPECT_EQ(shell.screen(), kStatusScreen);
}

TEST_F(DossierFixture, AForeignUrlIsRefusedWithAReason) {
    feature->handle_payload("https://example.com/?code=H15.50.05.13-261008-0975", "camera");
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(shell.screen(), kScanScreen);
    EXPECT_FALSE(feature->model().error_key.empty());
    EXPECT_EQ(parts->dossiers->lookups.load(), 0);
}

TEST_F(DossierFixture, AUsbScannerBurstBecomesAScanNotTyping) {
    shell.go(kScanScreen);
    std::vector<ui::KeyPress> keys;
    std::uint32_t t = 1000;
    for (char ch : std::string(kCode))
        keys.push_back({ui::KeyPress::Kind::text, std::string(1, ch), t++}); // 1 ms apart: no person types so
    keys.push_back({ui::KeyPress::Kind::enter, {}, t});
    auto left = feature->filter_keys(keys);
    EXPECT_TRUE(left.empty());
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_TRUE(feature->model().typed.empty());
    EXPECT_EQ(shell.screen(), kStatusScreen);
}

TEST_F(DossierFixture, ForgetErasesTheCitizensData) {
    shell.go(kScanScreen);
    type(kCode);
    feature->forget();
    EXPECT_TRUE(feature->model().typed.empty());
    EXPECT_FALSE(feature->model().result.has_value());
}

TEST_F(DossierFixture, ChangingTheSourceReopensIt) {
    EXPECT_EQ(parts->dossier_source_opens.load(), 1);
    auto next = std::make_shared<config::Config>(*config);
    next->dossier.sqlite_path = "/elsewhere/dossiers.sqlite";
    auto changed = change_to(*next);
    ASSERT_TRUE(changed.dossier);
    EXPECT_FALSE(changed.tickets);
    feature->reconfigure(next, parts, changed);
    ASSERT_TRUE(test::pump(completions, *feature));
    EXPECT_EQ(parts->dossier_source_opens.load(), 2);
}

// A camera that keeps seeing one receipt: the decoded payload opens the status, and a scanner change live
// stops that camera off the UI thread and opens the new one.
struct CameraFixture : DossierFixture {
    std::shared_ptr<config::Config> with_camera = std::make_shared<config::Config>();
    void prepare() override {
        with_camera->scanner.source = "images";
        config = with_camera;
        parts = std::make_shared<test::FakeParts>(*config);
        DossierFixture::prepare();
        scanner::GrayImage gray{8, 8, std::vector<std::uint8_t>(64, 200)};
        parts->camera_frames = {scanner::make_gray_frame(gray)};
        parts->camera_text = std::string("https://dichvucong.hanoi.gov.vn/tra-cuu?code=") + kCode;
    }
};

TEST_F(CameraFixture, AReceiptHeldToTheCameraOpensItsStatus) {
    EXPECT_TRUE(feature->model().camera_enabled);
    ASSERT_TRUE(test::pump_until(completions, [&] { return shell.screen() == kStatusScreen; }));
    ASSERT_TRUE(feature->model().result.has_value());
    health::HealthSnapshot s;
    feature->report(s);
    EXPECT_EQ(s.scanner.camera_state, "running");
    EXPECT_GE(s.scanner.scans, 1);
}

TEST_F(CameraFixture, AScannerChangeReplacesTheCamera) {
    ASSERT_TRUE(test::pump_until(completions, [&] { return shell.screen() == kStatusScreen; }));
    EXPECT_EQ(parts->camera_opens.load(), 1);
    auto next = std::make_shared<config::Config>(*config);
    next->scanner.image_dir = "/elsewhere";
    auto changed = change_to(*next);
    ASSERT_TRUE(changed.scanner);
    feature->reconfigure(next, parts, changed);
    ASSERT_TRUE(test::pump_until(completions, [&] { return parts->camera_opens.load() == 2; }));
    auto off = std::make_shared<config::Config>(*next);
    off->scanner.source = "none";
    feature->reconfigure(off, parts, change_to(*off));
    EXPECT_FALSE(feature->model().camera_enabled);
    ASSERT_TRUE(test::pump_until(completions, [&] { return !feature->busy(); }));
    health::HealthSnapshot s;
    feature->report(s);
    EXPECT_EQ(s.scanner.camera_state, "off");
}

// A receipt the camera sees but cannot read (blurred, moving): the scan screen asks to hold it still, the
// request goes away a while after the last unread sighting, and a read clears it at once.
struct UnreadableCameraFixture : CameraFixture {
    void prepare() override {
        CameraFixture::prepare();
        parts->camera_text = scanner::FakeDecoder::kSeenUnreadable;
    }
};

TEST_F(UnreadableCameraFixture, ACodeSeenButNotReadAsksToHoldStill) {
    shell.go(kScanScreen);
    ASSERT_TRUE(test::pump_until(completions, [&] { return !feature->model().scan_feedback_key.empty(); }));
    EXPECT_EQ(feature->model().scan_feedback_key, "scanner.guide.hold_still");
    // The tick wakes the UI when the request is due to go away.
    const auto now = clock.now();
    EXPECT_LT(feature->tick(now), now + std::chrono::seconds(2));
    feature->handle_payload(std::string("https://dichvucong.hanoi.gov.vn/tra-cuu?code=") + kCode, "camera");
    EXPECT_TRUE(feature->model().scan_feedback_key.empty());
}

TEST_F(UnreadableCameraFixture, TheRequestExpiresWhenTheCameraStopsSeeingIt) {
    shell.go(kScanScreen);
    ASSERT_TRUE(test::pump_until(completions, [&] { return !feature->model().scan_feedback_key.empty(); }));
    auto off = std::make_shared<config::Config>(*config); // camera off: no more sightings
    off->scanner.source = "none";
    feature->reconfigure(off, parts, change_to(*off));
    ASSERT_TRUE(test::pump_until(completions, [&] { return !feature->busy(); }));
    clock.advance(std::chrono::milliseconds(1600));
    (void)feature->tick(clock.now());
    EXPECT_TRUE(feature->model().scan_feedback_key.empty());
}

// Staff set-up borrows the camera (camera_lease.hpp): the dossier feature closes it, says so, shows no
// preview of its own, and opens it again when set-up gives it back. A code read while a staff screen is on
// top opens nothing.
struct StaffCameraFixture : CameraFixture {
    void prepare() override {
        CameraFixture::prepare();
        shell.staff = true; // set-up is on top from the start
    }
};

TEST_F(StaffCameraFixture, TheCameraIsLentToSetupAndReadsOnStaffScreensOpenNothing) {
    auto scans = [&] {
        health::HealthSnapshot s;
        feature->report(s);
        return s.scanner.scans;
    };
    auto navigations = [&] {
        return std::count_if(shell.requested.begin(), shell.requested.end(),
                             [](const ui::Command& c) { return std::holds_alternative<ui::Navigate>(c); });
    };
    ASSERT_TRUE(test::pump_until(completions, [&] { return scans() >= 1; }));
    EXPECT_EQ(navigations(), 0);
    EXPECT_EQ(shell.screen(), ui::kHomeScreen);
    EXPECT_FALSE(feature->model().result.has_value());
    EXPECT_EQ(parts->camera_opens.load(), 1);
    auto released = [&] {
        return std::any_of(shell.requested.begin(), shell.requested.end(), [](const ui::Command& c) {
            const auto* f = std::get_if<ui::FeatureCommand>(&c);
            return f && f->as<camera_lease::Released>();
        });
    };
    feature->handle(ui::FeatureCommand::of(camera_lease::Lend{true}));
    ASSERT_TRUE(test::pump_until(completions, released));
    EXPECT_EQ(feature->live_preview(), nullptr);
    ASSERT_TRUE(test::pump_until(completions, [&] { return !feature->busy(); }));
    EXPECT_EQ(parts->camera_opens.load(), 1); // not reopened while lent
    feature->handle(ui::FeatureCommand::of(camera_lease::Lend{false}));
    ASSERT_TRUE(test::pump_until(completions, [&] { return parts->camera_opens.load() == 2; }));
    EXPECT_NE(feature->live_preview(), nullptr);
}

} // namespace
