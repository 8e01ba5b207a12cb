// Parity: for a table of configurations, `kiosk --print-parts` and `kioskctl parts` print the same parts
// (paths, stores, sources, printer, camera, status server), last good configuration included; and
// `kioskctl --set dossier.sqlite_path=X dossier import/lookup` uses X. Real binaries, real files.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kKiosk = std::string(KIOSK_BINARY_DIR) + "/kiosk/app/kiosk";
const std::string kKioskctl = std::string(KIOSK_BINARY_DIR) + "/kiosk/cli/kioskctl";

struct ProgramRun {
    int code = -1;
    std::string out;
};

std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

ProgramRun run(const std::string& program, const std::vector<std::string>& args) {
    std::string command = quote(program);
    for (const auto& a : args)
        command += " " + quote(a);
    command += " 2>/dev/null";
    ProgramRun r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        r.out.append(buffer, n);
    int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

class Parity : public ::testing::Test {
  protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("kiosk-parity-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
        setenv("XDG_STATE_HOME", (dir / "xdg").c_str(), 1);
        unsetenv("KIOSK_CONFIG");
        unsetenv("KIOSK_ASSETS_DIR");
    }
    void TearDown() override { fs::remove_all(dir); }

    fs::path write(const std::string& name, const std::string& text) {
        auto path = dir / name;
        std::ofstream(path) << text;
        return path;
    }
    // Both programs' parts for the same arguments; they must agree.
    json both(const std::vector<std::string>& args) {
        auto kiosk_args = args;
        kiosk_args.push_back("--print-parts");
        auto ctl_args = args;
        ctl_args.push_back("parts");
        ProgramRun k = run(kKiosk, kiosk_args);
        ProgramRun c = run(kKioskctl, ctl_args);
        EXPECT_EQ(k.code, 0);
        EXPECT_EQ(c.code, 0);
        json kj = json::parse(k.out, nullptr, false);
        json cj = json::parse(c.out, nullptr, false);
        EXPECT_FALSE(kj.is_discarded()) << k.out;
        EXPECT_EQ(kj, cj) << "kiosk:\n" << k.out << "\nkioskctl:\n" << c.out;
        return kj;
    }

    fs::path dir;
};

TEST_F(Parity, EmbeddedDefaults) {
    auto parts = both({"--config", (dir / "missing.toml").string()});
    auto state = (dir / "xdg" / "motcua-kiosk").string();
    EXPECT_EQ(parts["paths"]["state"], state);
    EXPECT_EQ(parts["tickets"]["kind"], "sqlite");
    EXPECT_EQ(parts["tickets"]["sqlite_db"], state + "/queue.sqlite");
    EXPECT_EQ(parts["dossier"]["source"], "sqlite");
    EXPECT_EQ(parts["dossier"]["db"], state + "/dossiers.sqlite");
    EXPECT_EQ(parts["printer"]["sink"], "png");
    EXPECT_EQ(parts["printer"]["png_dir"], state + "/tickets");
    EXPECT_EQ(parts["catalog"]["cache_db"], state + "/catalog.sqlite");
}

TEST_F(Parity, BrokenFileFallsBackToTheLastGoodOneInBoth) {
    auto file = write("kiosk.toml", "[queue]\nsqlite_path = \"" + (dir / "good-queue.sqlite").string() +
                                        "\"\n[printer]\npaper_mm = 58\n");
    // The kiosk validates and keeps the file as the last good configuration.
    auto good = both({"--config", file.string()});
    EXPECT_EQ(good["printer"]["paper_mm"], 58);
    write("kiosk.toml", "[printer]\npaper_mm = 57\n[queue\n"); // broken: bad value and a syntax error
    auto fallback = both({"--config", file.string()});
    EXPECT_EQ(fallback["printer"]["paper_mm"], 58);
    EXPECT_EQ(fallback["tickets"]["sqlite_db"], (dir / "good-queue.sqlite").string());
}

TEST_F(Parity, BrokenFileWithoutALastGoodOneUsesTheDefaultsInBoth) {
    auto file = write("kiosk.toml", "[printer]\npaper_mm = 57\n");
    auto parts = both({"--config", file.string(), "--set", "office.office_id=phuong-x"});
    EXPECT_EQ(parts["printer"]["paper_mm"], 80);
    EXPECT_EQ(parts["tickets"]["office"], "phuong-x"); // valid overrides still apply
}

TEST_F(Parity, GatewayDossierSource) {
    auto file =
        write("kiosk.toml", "[gateway]\nurl = \"https://gateway.example.vn/motcua\"\ntoken = \"s3cr3t\"\n"
                            "[dossier]\nsource = \"gateway\"\n");
    auto parts = both({"--config", file.string()});
    EXPECT_EQ(parts["dossier"]["source"], "gateway");
    EXPECT_EQ(parts["dossier"]["gateway"]["url"], "https://gateway.example.vn/motcua");
    EXPECT_EQ(parts["dossier"]["gateway"]["token_set"], true);
    EXPECT_EQ(parts["catalog"]["gateway"]["url"], "https://gateway.example.vn/motcua");
    ProgramRun k = run(kKiosk, {"--config", file.string(), "--print-parts"});
    EXPECT_EQ(k.out.find("s3cr3t"), std::string::npos); // tokens are never printed
}

TEST_F(Parity, PostgresTicketStore) {
    auto parts =
        both({"--set", "queue.store=postgres", "--set",
              "queue.postgres_dsn=host=127.0.0.1 port=5433 dbname=queue", "--set", "office.office_id=xa-y"});
    EXPECT_EQ(parts["tickets"]["kind"], "postgres");
    EXPECT_EQ(parts["tickets"]["postgres_dsn_set"], true);
    EXPECT_EQ(parts["tickets"]["office"], "xa-y");
}

TEST_F(Parity, CupsPrinter) {
    auto file = write("kiosk.toml", "[printer]\nsink = \"cups\"\ncups_destination = \"Kiosk80\"\n"
                                    "cups_server = \"127.0.0.1:6310\"\njob_timeout_s = 9\n");
    auto parts = both({"--config", file.string()});
    EXPECT_EQ(parts["printer"]["sink"], "cups");
    EXPECT_EQ(parts["printer"]["cups_destination"], "Kiosk80");
    EXPECT_EQ(parts["printer"]["cups_server"], "127.0.0.1:6310");
    EXPECT_EQ(parts["printer"]["job_timeout_ms"], 9000);
}

TEST_F(Parity, CustomPaths) {
    auto state = dir / "state";
    auto file = write("kiosk.toml", "[paths]\nstate_dir = \"" + state.string() +
                                        "\"\n[dossier]\nsqlite_path = \"" + (dir / "d.sqlite").string() +
                                        "\"\n[printer]\npng_dir = \"" + (dir / "png").string() + "\"\n");
    auto parts =
        both({"--config", file.string(), "--set", "queue.sqlite_path=" + (dir / "q.sqlite").string()});
    EXPECT_EQ(parts["paths"]["state"], state.string());
    EXPECT_EQ(parts["paths"]["last_good_config"], (state / "last-good-config.toml").string());
    EXPECT_EQ(parts["dossier"]["db"], (dir / "d.sqlite").string());
    EXPECT_EQ(parts["tickets"]["sqlite_db"], (dir / "q.sqlite").string());
    EXPECT_EQ(parts["printer"]["png_dir"], (dir / "png").string());
    EXPECT_EQ(parts["catalog"]["cache_db"], (state / "catalog.sqlite").string());
}

TEST_F(Parity, KioskctlDossierCommandsUseTheConfiguredDatabase) {
    auto db = dir / "elsewhere" / "dossiers.sqlite";
    auto csv = write("dossiers.csv",
                     "code,status,procedure_code,procedure_name,applicant_name,received_at,appointment_at,"
                     "finished_at,result_delivery,counter,missing_documents,fee_vnd\n"
                     "H15.50.05.13-261008-0975,4,1.001193,Đăng ký khai sinh,Nguyễn Văn Mẫu,20261008080000,"
                     "20261015170000,,counter,1,,\n");
    ProgramRun imported =
        run(kKioskctl, {"--set", "dossier.sqlite_path=" + db.string(), "dossier", "import", csv.string()});
    ASSERT_EQ(imported.code, 0) << imported.out;
    EXPECT_TRUE(fs::exists(db));
    EXPECT_FALSE(fs::exists(dir / "xdg" / "motcua-kiosk" / "dossiers.sqlite")); // the default was not touched
    ProgramRun found = run(kKioskctl, {"--set", "dossier.sqlite_path=" + db.string(), "dossier", "lookup",
                                       "H15.50.05.13-261008-0975", "--json"});
    ASSERT_EQ(found.code, 0) << found.out;
    EXPECT_EQ(json::parse(found.out)["status"], 4);
    // Without the override the same code is not in the (demo-seeded) default store.
    ProgramRun other = run(kKioskctl, {"dossier", "lookup", "H15.50.05.13-261008-0975", "--json"});
    EXPECT_EQ(other.code, 1);
}

} // namespace
