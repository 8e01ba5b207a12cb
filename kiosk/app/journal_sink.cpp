// log::Sink over libsystemd's sd_journal_sendv(3), with a stderr fallback; see log_sink.hpp.
#include "kiosk/app/log_sink.hpp"

#include <sys/uio.h>
#include <systemd/sd-journal.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace kiosk::app {
namespace {

const char* level_name(log::Level level) {
    switch (level) {
    case log::Level::error:
        return "error";
    case log::Level::warning:
        return "warning";
    case log::Level::notice:
        return "notice";
    case log::Level::info:
        return "info";
    case log::Level::debug:
        return "debug";
    }
    return "info";
}

class StderrSink final : public log::Sink {
  public:
    void write(const log::Entry& e) override {
        std::string line = std::string("kiosk: ") + level_name(e.level) + " " + e.event + ": " + e.message;
        for (const auto& f : e.fields)
            line += " " + f.name + "=" + f.value;
        line += "\n";
        std::fputs(line.c_str(), stderr);
    }
};

class JournalSink final : public log::Sink {
  public:
    void write(const log::Entry& e) override {
        std::vector<std::string> items;
        items.push_back("MESSAGE=" + e.event + ": " + e.message);
        items.push_back("PRIORITY=" + std::to_string(static_cast<int>(e.level)));
        items.push_back("SYSLOG_IDENTIFIER=motcua-kiosk");
        items.push_back("KIOSK_EVENT=" + e.event);
        for (const auto& f : e.fields)
            items.push_back(f.name + "=" + f.value);
        std::vector<iovec> iov;
        for (auto& s : items)
            iov.push_back({s.data(), s.size()});
        if (sd_journal_sendv(iov.data(), static_cast<int>(iov.size())) < 0) fallback_.write(e);
    }

  private:
    StderrSink fallback_;
};

} // namespace

std::unique_ptr<log::Sink> make_stderr_sink() {
    return std::make_unique<StderrSink>();
}

std::unique_ptr<log::Sink> make_journal_sink() {
    return std::make_unique<JournalSink>();
}

bool journal_wanted() {
    const char* wanted = std::getenv("KIOSK_LOG");
    if (wanted && std::strcmp(wanted, "stderr") == 0) return false;
    const char* stream = std::getenv("JOURNAL_STREAM");
    return (stream && *stream) || (wanted && std::strcmp(wanted, "journal") == 0);
}

std::unique_ptr<log::Sink> make_log_sink() {
    return journal_wanted() ? make_journal_sink() : make_stderr_sink();
}

} // namespace kiosk::app
