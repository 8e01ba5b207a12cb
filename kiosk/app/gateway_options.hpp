#pragma once
// The [gateway] configuration as the net client's options (one mapping for dossier lookups and catalog sync).

#include "kiosk/core/config/config.hpp"
#include "kiosk/net/gateway_client.hpp"

namespace kiosk::app {

[[nodiscard]] inline net::GatewayOptions gateway_options(const config::Config& config) {
    net::GatewayOptions o;
    o.base_url = config.gateway.url;
    o.token = config.gateway.token;
    o.ca_file = config.gateway.ca_file;
    o.connect_timeout_ms = config.gateway.connect_timeout_ms;
    o.total_timeout_ms = config.gateway.total_timeout_ms;
    o.max_response_bytes = static_cast<std::size_t>(config.gateway.max_response_bytes);
    o.retries = config.gateway.retries;
    o.backoff_ms = config.gateway.backoff_ms;
    return o;
}

} // namespace kiosk::app
