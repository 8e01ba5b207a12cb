// A misbehaving loopback gateway for the UI tests (the same TestGateway as the client's integration tests):
// gateway_server PORT_FILE SECONDS — serves on 127.0.0.1 (ephemeral port, written to PORT_FILE) for at most
// SECONDS, so a test that dies never leaves it running.
#include "tests/integration/gateway/test_gateway.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

int main(int argc, char** argv) {
    if (argc != 3) return std::fprintf(stderr, "usage: gateway_server PORT_FILE SECONDS\n"), 2;
    int seconds = std::atoi(argv[2]);
    if (seconds <= 0 || seconds > 600)
        return std::fprintf(stderr, "gateway_server: SECONDS must be 1..600\n"), 2;
    kiosk::test::TestGateway gateway;
    {
        std::ofstream out(std::string(argv[1]) + ".tmp");
        out << gateway.port() << "\n";
    }
    std::rename((std::string(argv[1]) + ".tmp").c_str(), argv[1]); // readers never see half a number
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    return 0;
}
