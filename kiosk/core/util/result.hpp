#pragma once
// Result<T>: a value or an Error that says what went wrong in words a maintainer can act on.
// Used across core, store, net and drivers instead of exceptions at module boundaries.
// It does not carry stack traces or error codes beyond an optional short machine-readable kind.

#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Error {
    std::string kind;    // short, stable, machine-readable ("timeout", "not_found", "invalid_json", ...)
    std::string message; // human-readable detail for logs and staff (never for citizens directly)
};

template <class T> class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    [[nodiscard]] bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T& value() & { return std::get<0>(v_); }
    [[nodiscard]] const T& value() const& { return std::get<0>(v_); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(v_)); }
    [[nodiscard]] const Error& error() const { return std::get<1>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

  private:
    std::variant<T, Error> v_;
};

// Result<void> equivalent.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string kind, std::string message) {
    return Error{std::move(kind), std::move(message)};
}

} // namespace kiosk
