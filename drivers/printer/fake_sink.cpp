// FakeSink: scripted outcomes, recorded jobs.
#include "drivers/printer/fake_sink.hpp"

namespace kiosk::printer {

PrintOutcome FakeSink::print(const PrintJob& job) {
    std::lock_guard lock(mutex_);
    jobs_.push_back(job);
    PrintOutcome out{default_, "", "fake#" + std::to_string(jobs_.size())};
    if (!scripted_.empty()) {
        out = scripted_.front();
        scripted_.pop_front();
    }
    if (out.ok()) out.location = "fake#" + std::to_string(jobs_.size());
    return out;
}

PrinterStatus FakeSink::status() {
    std::lock_guard lock(mutex_);
    return status_;
}

void FakeSink::fail_next(Fault fault, std::string detail) {
    std::lock_guard lock(mutex_);
    scripted_.push_back({fault, std::move(detail), ""});
}

void FakeSink::set_default(Fault fault) {
    std::lock_guard lock(mutex_);
    default_ = fault;
}

void FakeSink::set_status(PrinterStatus status) {
    std::lock_guard lock(mutex_);
    status_ = std::move(status);
}

std::vector<PrintJob> FakeSink::jobs() const {
    std::lock_guard lock(mutex_);
    return jobs_;
}

size_t FakeSink::job_count() const {
    std::lock_guard lock(mutex_);
    return jobs_.size();
}

} // namespace kiosk::printer
