#pragma once
// SqlCounterDesk's declaration, internal to kiosk/store (users open one through counter_desk_sql.hpp).

#include "kiosk/core/queue/ticket_store.hpp"
#include "kiosk/store/counter_desk_sql.hpp"
#include "kiosk/store/sql_session.hpp"

#include <mutex>

namespace kiosk::store {

class SqlCounterDesk final : public queue::CounterDesk {
  public:
    SqlCounterDesk(std::unique_ptr<SqlSession> session, CounterDeskTarget target);
    [[nodiscard]] Status create_schema();

    [[nodiscard]] Result<std::optional<queue::Ticket>>
    call_next(int counter, const std::vector<std::string>& services, queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> recall(int counter, std::int64_t id, queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> skip(int counter, std::int64_t id, queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> return_skipped(std::int64_t id, queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> transfer(int counter, std::int64_t id, const std::string& to_service,
                                                 queue::TimePoint now) override;
    [[nodiscard]] Result<queue::Ticket> serve(int counter, std::int64_t id, queue::TimePoint now) override;
    [[nodiscard]] Status set_paused(int counter, bool paused, queue::TimePoint now) override;
    [[nodiscard]] Result<queue::QueueBoard> board(queue::TimePoint now, std::size_t recent) override;
    [[nodiscard]] Result<std::vector<queue::QueueEvent>> events(const queue::OfficeDay& day,
                                                                std::int64_t after_id) override;

  private:
    // Runs `body` between begin() and commit(); rolls back when it or the commit fails.
    template <class F> auto in_transaction(const std::string& what, F&& body) -> decltype(body()) {
        if (auto st = session_->begin(); !st) return Error{st.error().kind, what + ": " + st.error().message};
        auto result = body();
        if (!result) {
            session_->rollback();
            return Error{result.error().kind, what + ": " + result.error().message};
        }
        if (auto st = session_->commit(); !st) {
            session_->rollback();
            return Error{st.error().kind, what + ": " + st.error().message};
        }
        return result;
    }

    [[nodiscard]] queue::OfficeDay day_of(queue::TimePoint now) const;
    Result<queue::WaitingTicket> load(std::int64_t id);
    Result<queue::WaitingTicket> called_here(int counter, std::int64_t id, const std::string& what);
    Status record(const queue::OfficeDay& day, std::optional<std::int64_t> ticket, const std::string& kind,
                  std::optional<int> counter, queue::TimePoint now, const std::string& detail);
    Status set_current(int counter, std::optional<std::int64_t> ticket, queue::TimePoint now);
    Status finish_current(int counter, const queue::OfficeDay& day, queue::TimePoint now);
    Result<double> place_key(const std::string& service, int series, const queue::OfficeDay& day,
                             queue::TransferPosition position);
    Status move_ticket(std::int64_t id, const std::string& service, double key,
                       std::optional<queue::TimePoint> skipped_at);
    Result<std::optional<std::int64_t>> pick(const std::vector<std::string>& services, int series,
                                             const queue::OfficeDay& day);
    Result<std::vector<queue::QueueEvent>> read_events(const queue::OfficeDay& day, const std::string& where,
                                                       std::vector<SqlValue> extra);

    std::unique_ptr<SqlSession> session_;
    CounterDeskTarget target_;
    std::mutex mutex_;
};

} // namespace kiosk::store
