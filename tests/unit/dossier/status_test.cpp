// Status model: keys, lateness, next steps, name masking and Vietnam-time dates.
#include "kiosk/core/dossier/name_mask.hpp"
#include "kiosk/core/dossier/status.hpp"

#include <gtest/gtest.h>

using namespace kiosk::dossier;

namespace {

Seconds vn(const char* stamp) {
    auto t = parse_vn_timestamp(stamp);
    EXPECT_TRUE(t.ok()) << stamp;
    return *t;
}

Dossier make(DossierStatus s) {
    Dossier d;
    d.code = *parse_dossier_code("H15-261008-0001");
    d.status = s;
    d.procedure_name = "Đăng ký khai sinh";
    return d;
}

} // namespace

TEST(VnTime, ParsesAndFormatsInUtcPlus7) {
    const Seconds t = vn("20261008083000");
    // 08:30 in Hanoi is 01:30 UTC.
    const auto utc = std::chrono::sys_days{std::chrono::year{2026} / 10 / 8} + std::chrono::hours{1} +
                     std::chrono::minutes{30};
    EXPECT_EQ(t, utc);
    EXPECT_EQ(format_vn_timestamp(t), "20261008083000");
    EXPECT_EQ(format_vn_date(vn("20261231235959")), "31/12/2026");
    EXPECT_EQ(format_vn_date(vn("20270101000000")), "01/01/2027");
    EXPECT_FALSE(parse_vn_timestamp("20260229120000").ok());
    EXPECT_FALSE(parse_vn_timestamp("20261008246000").ok());
    EXPECT_FALSE(parse_vn_timestamp("2026100808300").ok());
    EXPECT_FALSE(parse_vn_timestamp("2026-10-08 08:30").ok());
}

TEST(Status, KeysAndWireValues) {
    EXPECT_EQ(status_key(DossierStatus::need_payment), "dossier.status.6");
    EXPECT_EQ(status_key(DossierStatus::returned), "dossier.status.10");
    EXPECT_FALSE(status_from_int(0));
    EXPECT_FALSE(status_from_int(11));
    EXPECT_EQ(*status_from_int(9), DossierStatus::done);
}

TEST(Deadline, OverdueWhileProcessingIsJudgedAgainstNow) {
    auto d = make(DossierStatus::processing);
    d.appointment_at = vn("20261010170000");
    EXPECT_EQ(deadline_of(d, vn("20261010165959")).state, Timeliness::on_time);
    const auto late = deadline_of(d, vn("20261013090000"));
    EXPECT_EQ(late.state, Timeliness::overdue);
    EXPECT_EQ(late.days_late, 3); // 2 days 16 hours: the third day has started
    EXPECT_EQ(deadline_key(late), "dossier.deadline.overdue");
    EXPECT_EQ(deadline_of(d, vn("20261010170001")).days_late, 1);
}

TEST(Deadline, FinishedDossiersUseTheFinishTime) {
    auto d = make(DossierStatus::done);
    d.appointment_at = vn("20261010170000");
    d.finished_at = vn("20261009100000");
    // Long after the appointment, a dossier finished in time stays on time.
    EXPECT_EQ(deadline_of(d, vn("20270101000000")).state, Timeliness::finished_on_time);
    d.finished_at = vn("20261012100000");
    EXPECT_EQ(deadline_of(d, vn("20270101000000")).state, Timeliness::finished_late);
    EXPECT_EQ(deadline_of(d, vn("20270101000000")).days_late, 2);
    d.finished_at.reset();
    EXPECT_EQ(deadline_of(d, vn("20270101000000")).state, Timeliness::not_applicable);
}

TEST(Deadline, NotApplicableWithoutAppointmentOrWhileWaitingForCitizen) {
    auto d = make(DossierStatus::processing);
    EXPECT_EQ(deadline_of(d, vn("20270101000000")).state, Timeliness::not_applicable);
    for (auto s : {DossierStatus::registered, DossierStatus::not_accepted, DossierStatus::need_documents,
                   DossierStatus::need_payment, DossierStatus::withdrawn, DossierStatus::stopped}) {
        auto x = make(s);
        x.appointment_at = vn("20261010170000");
        EXPECT_EQ(deadline_of(x, vn("20270101000000")).state, Timeliness::not_applicable)
            << static_cast<int>(s);
    }
}

TEST(NextStep, PerStatus) {
    const Seconds now = vn("20261009120000");
    auto d = make(DossierStatus::need_documents);
    EXPECT_EQ(next_step(d, now), (Message{"dossier.next.bring_documents_ask", {}}));
    d.missing_documents = {"Bản sao CCCD", "Tờ khai"};
    EXPECT_EQ(next_step(d, now), (Message{"dossier.next.bring_documents", {"Bản sao CCCD; Tờ khai"}}));

    d = make(DossierStatus::need_payment);
    EXPECT_EQ(next_step(d, now).key, "dossier.next.pay_fee_ask");
    d.fee_vnd = 1250000;
    EXPECT_EQ(next_step(d, now), (Message{"dossier.next.pay_fee", {"1.250.000"}}));

    d = make(DossierStatus::done);
    d.delivery = Delivery::counter;
    d.counter = "3";
    EXPECT_EQ(next_step(d, now), (Message{"dossier.next.collect_at_counter", {"3"}}));
    d.counter.clear();
    EXPECT_EQ(next_step(d, now).key, "dossier.next.collect_at_office");
    d.delivery = Delivery::post;
    EXPECT_EQ(next_step(d, now).key, "dossier.next.result_by_post");
    d.delivery = Delivery::online;
    EXPECT_EQ(next_step(d, now).key, "dossier.next.result_online");

    d = make(DossierStatus::processing);
    d.appointment_at = vn("20261010170000");
    EXPECT_EQ(next_step(d, now), (Message{"dossier.next.processing_until", {"10/10/2026"}}));
    EXPECT_EQ(next_step(d, vn("20261011080000")).key, "dossier.next.overdue");

    EXPECT_EQ(next_step(make(DossierStatus::registered), now).key, "dossier.next.registered");
    EXPECT_EQ(next_step(make(DossierStatus::not_accepted), now).key, "dossier.next.not_accepted");
    EXPECT_EQ(next_step(make(DossierStatus::withdrawn), now).key, "dossier.next.withdrawn");
    EXPECT_EQ(next_step(make(DossierStatus::stopped), now).key, "dossier.next.stopped");
    EXPECT_EQ(next_step(make(DossierStatus::returned), now).key, "dossier.next.returned");
}

TEST(GroupThousands, VietnameseGrouping) {
    EXPECT_EQ(group_thousands(0), "0");
    EXPECT_EQ(group_thousands(999), "999");
    EXPECT_EQ(group_thousands(1000), "1.000");
    EXPECT_EQ(group_thousands(400000), "400.000");
    EXPECT_EQ(group_thousands(10000000000LL), "10.000.000.000");
}

TEST(NameMask, MasksMiddleAndGivenNames) {
    EXPECT_EQ(mask_applicant_name("Nguyễn Văn An"), "Nguyễn V*** A");
    EXPECT_EQ(mask_applicant_name("Trần Thị Minh Họa"), "Trần T*** M*** H");
    EXPECT_EQ(mask_applicant_name("  Lê   Ánh  "), "Lê Á");
    EXPECT_EQ(mask_applicant_name("Đặng"), "Đ***");
    EXPECT_EQ(mask_applicant_name(""), "");
    EXPECT_EQ(mask_applicant_name("Ông\x01"
                                  "Ba"),
              "***");
    EXPECT_EQ(mask_applicant_name("Nguy\xE1"), "***");
    // Decomposed (NFD) input keeps the combining mark with its letter: "Ấ" = A + U+0302 + U+0301.
    EXPECT_EQ(mask_applicant_name("Phạm A\xCC\x82\xCC\x81n"), "Phạm A\xCC\x82\xCC\x81");
}
