#pragma once
// Test double for LayoutPrinter: keeps every layout it was asked to print and answers with a scripted
// outcome and status. Thread-safe, so a feature's worker may print while the test reads.

#include "drivers/printer/layout_printer.hpp"

#include <mutex>
#include <vector>

namespace kiosk::printer {

class FakeLayoutPrinter final : public LayoutPrinter {
  public:
    [[nodiscard]] PrintOutcome print(const ticket::TicketLayout& layout, const std::string& title) override {
        std::lock_guard lock(mutex_);
        printed_.push_back({layout, title});
        return outcome_;
    }
    [[nodiscard]] PrinterStatus status() override {
        std::lock_guard lock(mutex_);
        return status_;
    }
    [[nodiscard]] std::string describe() const override { return "fake"; }

    void fail_with(Fault fault, std::string detail) {
        std::lock_guard lock(mutex_);
        outcome_ = {fault, std::move(detail), {}};
        status_.fault = fault;
    }
    struct Printed {
        ticket::TicketLayout layout;
        std::string title;
    };
    [[nodiscard]] std::vector<Printed> printed() const {
        std::lock_guard lock(mutex_);
        return printed_;
    }

  private:
    mutable std::mutex mutex_;
    std::vector<Printed> printed_;
    PrintOutcome outcome_{Fault::none, {}, "fake"};
    PrinterStatus status_{Fault::none, "idle", {}, {}};
};

} // namespace kiosk::printer
